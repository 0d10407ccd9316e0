package org.parkline.pricing;

import java.math.BigDecimal;
import java.util.List;

/** One pricing decision applied after the time charge: it may add breakdown lines and returns the new running total. */
interface Adjustment {

    BigDecimal apply(Stay stay, BigDecimal running, List<QuoteLine> lines);
}
