package org.parkline.edge.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parkline.edge.device.PlateCamera;

/**
 * Against the real Mosquitto broker on 127.0.0.1:1883 (.ci/run starts it): cameras publish, the feed reads. Each
 * test uses its own topic prefix so runs do not see each other's (retained or late) messages.
 */
class MqttPlateFeedIT {

    private static final String BROKER = "tcp://127.0.0.1:1883";

    private final String prefix = "parkline-test/" + UUID.randomUUID() + "/";
    private MqttPlateFeed feed;
    private MqttClient camera;

    @BeforeEach
    void connect() throws Exception {
        feed = new MqttPlateFeed(BROKER, "feed-" + UUID.randomUUID(), List.of(prefix + "#"), Clock.systemUTC()).start();
        camera = new MqttClient(BROKER, "cam-" + UUID.randomUUID(), new MemoryPersistence());
        camera.connect();
    }

    @AfterEach
    void disconnect() throws Exception {
        feed.close();
        camera.disconnect();
        camera.close();
    }

    @Test
    void aPlateEventInTheGenericFormatReachesTheLaneCamera() throws Exception {
        publish("plates/cam-e1", "{\"camera\":\"cam-e1\",\"plate\":\"SGP 1234 A\",\"confidence\":0.96}");

        PlateCamera.PlateRead read = awaitRead(feed.camera("cam-e1"));

        assertThat(read.plate()).isEqualTo("SGP1234A");
        assertThat(read.confidence()).isEqualTo(0.96);
        assertThat(feed.camera("cam-x1").latest(Instant.now(), Duration.ofMinutes(1)))
                .isEmpty();
    }

    @Test
    void anOpenAlprGroupFromAPlateReadingNvrReachesTheLaneCamera() throws Exception {
        publish(
                "alpr/group",
                """
                {"data_type":"alpr_group","camera_id":42,"best_plate_number":"GBA1234X","best_confidence":93.2,
                 "best_uuid":"cam42-1771898400"}
                """);

        PlateCamera.PlateRead read = awaitRead(feed.camera("42"));

        assertThat(read.plate()).isEqualTo("GBA1234X");
        assertThat(read.imageRef()).isEqualTo("cam42-1771898400");
    }

    @Test
    void aFrigateLicensePlateEventReachesTheLaneCamera() throws Exception {
        publish(
                "frigate/events",
                """
                {"type":"end","after":{"id":"e-1","camera":"gate_cam","recognized_license_plate":"SJK88",
                 "recognized_license_plate_score":0.88}}
                """);

        assertThat(awaitRead(feed.camera("gate_cam")).plate()).isEqualTo("SJK88");
    }

    private void publish(String topic, String json) throws Exception {
        MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        message.setQos(1);
        camera.publish(prefix + topic, message);
    }

    private static PlateCamera.PlateRead awaitRead(PlateCamera camera) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            var read = camera.latest(Instant.now(), Duration.ofMinutes(10));
            if (read.isPresent()) return read.get();
            Thread.sleep(20);
        }
        throw new AssertionError("no plate read arrived from the broker");
    }
}
