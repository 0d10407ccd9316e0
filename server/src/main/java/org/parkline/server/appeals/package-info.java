/**
 * Appeals: a parker contests a citation within the appeal window, with a statement and evidence; an adjudicator
 * sees the whole case in one view (the citation and its evidence, the plate's permits and tickets then, every
 * payment) and decides UPHELD, REDUCED or CANCELLED, with a reason; a paid citation that is cancelled or reduced is
 * refunded through payments, and the parker is told.
 */
@org.jspecify.annotations.NullMarked
package org.parkline.server.appeals;
