package org.parkline.server.lots;

/** A barrier lane. Entry gates issue tickets; exit gates close them. {@code zone} may be null (floor-level ramp). */
public record Gate(String id, String lotId, Direction direction, String floorId, String zone, Status status) {

    public enum Direction {
        ENTRY,
        EXIT
    }

    public enum Status {
        NORMAL,
        FORCED_OPEN,
        FORCED_CLOSED,
        DISABLED
    }

    public boolean acceptsTraffic() {
        return status == Status.NORMAL || status == Status.FORCED_OPEN;
    }
}
