package org.parkline.server.common.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Stored responses are kept long enough for any retry (gates retry within minutes, an offline controller within
 * days) and then deleted: they are personal data too (a ticket's response names its spot and times).
 */
@Component
class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keep;

    IdempotencyRetention(JdbcClient jdbc, Clock clock, @Value("${parkline.idempotency.retention:P7D}") Duration keep) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "${parkline.idempotency.purge-interval:PT1H}", initialDelayString = "PT1M")
    int purge() {
        int deleted = jdbc.sql("delete from idempotency_record where created_at < :cutoff")
                .param("cutoff", Timestamp.from(clock.instant().minus(keep)))
                .update();
        if (deleted > 0) log.info("Deleted {} idempotency records older than {}", deleted, keep);
        return deleted;
    }
}
