package org.parkline.server.lots;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/** A floor as the API shows it; a disabled floor or zone receives no new vehicles. */
public record FloorView(String floorId, String name, int level, boolean enabled, List<ZoneView> zones) {

    public record ZoneView(@JsonIgnore String floorId, String zone, String name, boolean enabled) {}
}
