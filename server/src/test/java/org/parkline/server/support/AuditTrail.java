package org.parkline.server.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parkline.server.common.Audited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every {@link Audited} event the server published, for tests to check that a change was recorded (and a refusal
 * was not). Found by the application's component scan, so every integration test's context has one.
 */
@Component
public class AuditTrail {

    private final List<Audited> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(Audited event) {
        events.add(event);
    }

    /** The events about one lot with an action, oldest first. */
    public List<Audited> of(String lotId, String action) {
        return events.stream()
                .filter(e -> lotId.equals(e.lotId()) && e.action().equals(action))
                .toList();
    }
}
