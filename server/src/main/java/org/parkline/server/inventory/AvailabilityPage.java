package org.parkline.server.inventory;

import java.util.List;
import java.util.Map;
import org.parkline.server.lots.Lot;
import org.parkline.server.lots.LotCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page a newcomer sees: every lot's live availability by floor and spot type, refreshed in place. */
@Controller
class AvailabilityPage {

    private final LotCatalog lots;
    private final Availability availability;

    AvailabilityPage(LotCatalog lots, Availability availability) {
        this.lots = lots;
        this.availability = availability;
    }

    private static final Map<String, String> LABELS = Map.of(
            "COMPACT",
            "Compact",
            "LARGE",
            "Large",
            "MOTORBIKE",
            "Motorbike",
            "EV_CHARGING",
            "EV",
            "DISABLED",
            "Disabled");

    record LotPanel(Lot lot, Availability.LotAvailability availability) {}

    @GetMapping("/")
    String home(Model model) {
        List<LotPanel> panels = lots.lots().stream()
                .map(lot -> new LotPanel(lot, availability.of(lot.id(), null, null, null)))
                .toList();
        model.addAttribute("panels", panels);
        model.addAttribute("labels", LABELS);
        return "index";
    }
}
