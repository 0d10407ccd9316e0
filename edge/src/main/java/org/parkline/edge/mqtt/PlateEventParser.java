package org.parkline.edge.mqtt;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads plate events as cameras and plate-reading NVRs publish them over MQTT:
 *
 * <ul>
 *   <li>OpenALPR / Rekor Scout {@code alpr_group} (best plate of a group of frames: {@code best_plate_number},
 *       {@code best_confidence} 0-100, {@code best_uuid} as image reference, {@code camera_id}) and {@code
 *       alpr_results} (per frame: {@code results[0].plate}, {@code results[0].confidence} 0-100, {@code uuid});
 *   <li>Frigate's tracked-object events on {@code frigate/events} with license plate recognition ({@code
 *       after.recognized_license_plate}, {@code after.recognized_license_plate_score} 0-1, {@code after.camera},
 *       {@code after.id} as image reference);
 *   <li>Parkline's generic format: {@code {"camera": "...", "plate": "...", "confidence": 0.93, "image": "...",
 *       "at": "2026-02-24T02:00:00Z"}} (confidence 0-1; {@code image} and {@code at} optional).
 * </ul>
 *
 * Anything else (another event type, no plate) is ignored, never an error: a feed carries more than plates.
 */
public final class PlateEventParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A plate read from the feed, with the camera id the event named. */
    public record CameraRead(String cameraId, String plate, double confidence, String imageRef, Instant at) {}

    public Optional<CameraRead> parse(byte[] payload, Instant receivedAt) {
        JsonNode event;
        try {
            event = JSON.readTree(payload);
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
        if (event == null || !event.isObject()) return Optional.empty();
        String type = text(event, "data_type");
        if ("alpr_group".equals(type)) return alprGroup(event, receivedAt);
        if ("alpr_results".equals(type)) return alprResults(event, receivedAt);
        if (event.has("after") && event.get("after").isObject()) return frigate(event.get("after"), receivedAt);
        if (event.has("plate")) return generic(event, receivedAt);
        return Optional.empty();
    }

    private Optional<CameraRead> alprGroup(JsonNode e, Instant receivedAt) {
        String plate = text(e, "best_plate_number");
        if (plate == null && e.has("best_plate")) plate = text(e.get("best_plate"), "plate");
        double confidence = e.has("best_confidence")
                ? e.get("best_confidence").asDouble() / 100
                : e.path("best_plate").path("confidence").asDouble() / 100;
        Instant at =
                e.has("epoch_start") ? Instant.ofEpochMilli(e.get("epoch_start").asLong()) : receivedAt;
        return read(text(e, "camera_id"), plate, confidence, text(e, "best_uuid"), at);
    }

    private Optional<CameraRead> alprResults(JsonNode e, Instant receivedAt) {
        JsonNode results = e.path("results");
        if (!results.isArray() || results.isEmpty()) return Optional.empty();
        JsonNode best = results.get(0);
        Instant at =
                e.has("epoch_time") ? Instant.ofEpochMilli(e.get("epoch_time").asLong()) : receivedAt;
        return read(
                text(e, "camera_id"),
                text(best, "plate"),
                best.path("confidence").asDouble() / 100,
                text(e, "uuid"),
                at);
    }

    private Optional<CameraRead> frigate(JsonNode after, Instant receivedAt) {
        String plate = text(after, "recognized_license_plate");
        double score = after.path("recognized_license_plate_score").asDouble();
        String id = text(after, "id");
        return read(text(after, "camera"), plate, score, id == null ? null : "frigate:event:" + id, receivedAt);
    }

    private Optional<CameraRead> generic(JsonNode e, Instant receivedAt) {
        Instant at = receivedAt;
        String when = text(e, "at");
        if (when != null) {
            try {
                at = Instant.parse(when);
            } catch (RuntimeException badTime) {
                at = receivedAt;
            }
        }
        double confidence = e.has("confidence") ? e.get("confidence").asDouble() : 1.0;
        return read(text(e, "camera"), text(e, "plate"), confidence, text(e, "image"), at);
    }

    private static Optional<CameraRead> read(String camera, String plate, double confidence, String image, Instant at) {
        if (camera == null || plate == null || plate.isBlank()) return Optional.empty();
        String normalized = plate.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 20) return Optional.empty();
        return Optional.of(new CameraRead(camera, normalized, Math.max(0, Math.min(1, confidence)), image, at));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        return value.isString() ? value.asString() : value.toString();
    }
}
