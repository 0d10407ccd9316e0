package org.parkline.server.identity;

import org.jspecify.annotations.Nullable;

/** A role held everywhere ({@code lotId} null) or in one lot. */
public record Grant(Role role, @Nullable String lotId) {

    public boolean global() {
        return lotId == null;
    }
}
