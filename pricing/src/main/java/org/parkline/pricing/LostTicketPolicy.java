package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.List;

/** A lost ticket adds the fee to the parking charge (ADD) or charges the fee when it is the greater (GREATER_OF). */
final class LostTicketPolicy implements Adjustment {

    private final Tariff tariff;

    LostTicketPolicy(Tariff tariff) {
        this.tariff = tariff;
    }

    @Override
    public BigDecimal apply(Stay stay, BigDecimal running, List<QuoteLine> lines) {
        var rule = tariff.single(Rule.LostTicketFee.class);
        if (!stay.lostTicket() || rule.isEmpty()) {
            return running;
        }
        BigDecimal fee = tariff.money().round(rule.get().amount());
        BigDecimal added =
                switch (rule.get().mode()) {
                    case ADD -> fee;
                    case GREATER_OF -> fee.subtract(running).max(BigDecimal.ZERO);
                };
        lines.add(new QuoteLine(rule.get().id(), stay.entryAt(), stay.exitAt(), added));
        return running.add(added);
    }
}
