package org.parkline.server.enforcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Plate reads are personal data: deleted once older than {@code parkline.enforcement.read-retention}. */
@Component
class ReadRetention {

    private static final Logger log = LoggerFactory.getLogger(ReadRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    ReadRetention(
            JdbcClient jdbc, Clock clock, @Value("${parkline.enforcement.read-retention:P30D}") Duration retention) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(
            fixedDelayString = "${parkline.enforcement.retention-interval:PT1H}",
            initialDelayString = "${parkline.enforcement.retention-interval:PT1H}")
    void scheduled() {
        int deleted = purge();
        if (deleted > 0) log.info("Deleted {} plate reads past retention", deleted);
    }

    /** Deletes reads past retention (hits keep their record, without the read); returns how many. */
    int purge() {
        return jdbc.sql("delete from lpr_read where read_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(retention)))
                .update();
    }
}
