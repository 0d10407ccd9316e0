package org.parkline.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlateEventParserTest {

    private static final Instant NOW = Instant.parse("2026-02-24T02:00:00Z");
    private final PlateEventParser parser = new PlateEventParser();

    @Test
    void readsAnOpenAlprGroup() {
        var read = parse(
                """
                {"data_type":"alpr_group","version":2,"epoch_start":1771898400000,"epoch_end":1771898401000,
                 "camera_id":1234,"agent_uid":"X","best_plate_number":"SGP 1234-A","best_confidence":91.5,
                 "best_uuid":"abc-123","best_plate":{"plate":"SGP1234A","confidence":91.5}}
                """);
        assertThat(read.cameraId()).isEqualTo("1234");
        assertThat(read.plate()).isEqualTo("SGP1234A");
        assertThat(read.confidence()).isEqualTo(0.915);
        assertThat(read.imageRef()).isEqualTo("abc-123");
        assertThat(read.at()).isEqualTo(Instant.ofEpochMilli(1771898400000L));
    }

    @Test
    void readsOpenAlprResultsTakingTheBestCandidate() {
        var read = parse(
                """
                {"data_type":"alpr_results","epoch_time":1771898400000,"camera_id":7,"uuid":"u-1",
                 "results":[{"plate":"ABC123","confidence":88.0},{"plate":"A8C123","confidence":70.0}]}
                """);
        assertThat(read.plate()).isEqualTo("ABC123");
        assertThat(read.confidence()).isEqualTo(0.88);
        assertThat(read.cameraId()).isEqualTo("7");
    }

    @Test
    void readsAFrigateEventWithARecognisedPlate() {
        var read = parse(
                """
                {"type":"update","before":{},"after":{"id":"1771898400.1-abc","camera":"entry_cam","label":"car",
                 "recognized_license_plate":"sgp9z","recognized_license_plate_score":0.93}}
                """);
        assertThat(read.cameraId()).isEqualTo("entry_cam");
        assertThat(read.plate()).isEqualTo("SGP9Z");
        assertThat(read.imageRef()).isEqualTo("frigate:event:1771898400.1-abc");
        assertThat(read.at()).isEqualTo(NOW);
    }

    @Test
    void readsTheGenericFormat() {
        var read = parse(
                """
                {"camera":"cam-e1","plate":"SGP1A","confidence":0.97,"image":"nvr://1/2","at":"2026-02-24T01:59:58Z"}
                """);
        assertThat(read.cameraId()).isEqualTo("cam-e1");
        assertThat(read.at()).isEqualTo(Instant.parse("2026-02-24T01:59:58Z"));
        assertThat(read.imageRef()).isEqualTo("nvr://1/2");
    }

    @Test
    void ignoresEventsWithoutAPlateAndMessagesThatAreNotJson() {
        assertThat(parser.parse("{\"type\":\"new\",\"after\":{\"camera\":\"c\",\"label\":\"person\"}}".getBytes(), NOW))
                .isEmpty();
        assertThat(parser.parse("not json".getBytes(), NOW)).isEmpty();
        assertThat(parser.parse("{\"data_type\":\"heartbeat\"}".getBytes(), NOW))
                .isEmpty();
        assertThat(parser.parse("[1,2]".getBytes(), NOW)).isEmpty();
    }

    private PlateEventParser.CameraRead parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), NOW).orElseThrow();
    }
}
