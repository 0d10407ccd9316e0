package org.parkline.server.lots;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A floor as the API shows it. */
public record FloorView(String floorId, String name, int level, List<ZoneView> zones) {

    public record ZoneView(@JsonIgnore String floorId, String zone, String name) {}
}
