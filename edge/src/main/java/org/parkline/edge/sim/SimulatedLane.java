package org.parkline.edge.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.parkline.edge.device.Barrier;
import org.parkline.edge.device.CardTerminal;
import org.parkline.edge.device.Display;
import org.parkline.edge.device.PlateCamera;
import org.parkline.edge.device.PresenceLoop;
import org.parkline.edge.device.TicketPrinter;
import org.parkline.edge.device.TicketScanner;

/**
 * Every device of one lane, simulated in memory, for development, tests and the demo: records what the controller
 * did (barrier openings, printed tickets, messages) and lets a test play the vehicle (plate, presence, scan, card).
 */
public final class SimulatedLane
        implements Barrier, TicketPrinter, TicketScanner, PlateCamera, Display, PresenceLoop, CardTerminal {

    private final AtomicReference<State> state = new AtomicReference<>(State.CLOSED);
    private final AtomicLong openings = new AtomicLong();
    private final AtomicReference<String> message = new AtomicReference<>("");
    private final AtomicReference<PlateRead> lastRead = new AtomicReference<>();
    private final AtomicBoolean present = new AtomicBoolean();
    private final AtomicBoolean pspReachable = new AtomicBoolean(true);
    private final List<String> printed = new ArrayList<>();
    private volatile Consumer<String> scanListener = b -> {};

    @Override
    public void open() {
        openings.incrementAndGet();
        state.compareAndSet(State.CLOSED, State.OPEN);
        state.compareAndSet(State.OPEN, State.CLOSED); // the arm drops behind the vehicle
    }

    @Override
    public void close() {
        state.set(State.CLOSED);
    }

    @Override
    public void holdOpen() {
        state.set(State.HELD_OPEN);
    }

    @Override
    public State state() {
        return state.get();
    }

    public long openings() {
        return openings.get();
    }

    @Override
    public synchronized void print(String barcode, String text) {
        printed.add(barcode);
    }

    public synchronized List<String> printed() {
        return List.copyOf(printed);
    }

    @Override
    public void onScan(Consumer<String> listener) {
        this.scanListener = listener;
    }

    /** A parker presents a ticket at the scanner. */
    public void scan(String barcode) {
        scanListener.accept(barcode);
    }

    /** The camera reads a plate. */
    public void read(String plate, double confidence, Instant at) {
        lastRead.set(new PlateRead(plate, confidence, "sim:" + at.toEpochMilli(), at));
    }

    @Override
    public Optional<PlateRead> latest(Instant now, Duration maxAge) {
        PlateRead read = lastRead.get();
        return read != null && !read.at().isBefore(now.minus(maxAge)) ? Optional.of(read) : Optional.empty();
    }

    @Override
    public void show(String text) {
        message.set(text);
    }

    public String message() {
        return message.get();
    }

    public void vehicleAt(boolean there) {
        present.set(there);
    }

    @Override
    public boolean vehiclePresent() {
        return present.get();
    }

    public void paymentProviderReachable(boolean reachable) {
        pspReachable.set(reachable);
    }

    @Override
    public boolean providerReachable() {
        return pspReachable.get();
    }

    @Override
    public boolean charge(BigDecimal amount, String currency, String reference) {
        return pspReachable.get();
    }
}
