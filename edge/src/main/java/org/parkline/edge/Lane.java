package org.parkline.edge;

import org.parkline.edge.device.Barrier;
import org.parkline.edge.device.CardTerminal;
import org.parkline.edge.device.Display;
import org.parkline.edge.device.PlateCamera;
import org.parkline.edge.device.TicketPrinter;

/** The devices of one gate's lane, as the controller drives them. */
public record Lane(Barrier barrier, TicketPrinter printer, PlateCamera camera, Display display, CardTerminal card) {}
