/** The ticket lifecycle: entry (with placement), quote, exit; ticket look-ups and printed codes. */
@org.jspecify.annotations.NullMarked
package org.parkline.server.tickets;
