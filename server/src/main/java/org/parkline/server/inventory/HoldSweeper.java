package org.parkline.server.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases expired holds. Safe on several instances at once: each row is released by one update only. */
@Component
class HoldSweeper {

    private static final Logger log = LoggerFactory.getLogger(HoldSweeper.class);

    private final SpotHolds holds;

    HoldSweeper(SpotHolds holds) {
        this.holds = holds;
    }

    @Scheduled(fixedDelayString = "${parkline.holds.sweep-interval:PT15S}")
    void sweep() {
        int released = holds.releaseExpired();
        if (released > 0) log.info("Released {} expired spot holds", released);
    }
}
