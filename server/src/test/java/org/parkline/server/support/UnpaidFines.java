package org.parkline.server.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parkline.server.enforcement.CitationUnpaid;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Collects the unpaid-fine events, as an outside system (registration holds, collections) would receive them. */
@Component
public class UnpaidFines {

    private final List<CitationUnpaid> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CitationUnpaid event) {
        events.add(event);
    }

    /** The stages announced for one citation, in order. */
    public List<CitationUnpaid.Stage> of(String citationId) {
        return events.stream()
                .filter(e -> e.citationId().equals(citationId))
                .map(CitationUnpaid::stage)
                .toList();
    }
}
