package org.parkline.edge.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.parkline.edge.device.PlateCamera;

/**
 * Plate cameras over MQTT: subscribes to the configured topics on the lot's broker, reads each event with {@link
 * PlateEventParser}, and keeps the latest read per camera. {@link #camera(String)} is the {@link PlateCamera} of
 * one lane. Reconnects by itself (Paho automatic reconnect) and re-subscribes; QoS 1.
 */
public final class MqttPlateFeed implements AutoCloseable {

    private static final Logger log = System.getLogger(MqttPlateFeed.class.getName());

    private final MqttClient client;
    private final List<String> topics;
    private final Clock clock;
    private final PlateEventParser parser = new PlateEventParser();
    private final Map<String, PlateCamera.PlateRead> latest = new ConcurrentHashMap<>();
    private final AtomicLong received = new AtomicLong();

    public MqttPlateFeed(String brokerUrl, String clientId, List<String> topics, Clock clock) {
        this.topics = List.copyOf(topics);
        this.clock = clock;
        try {
            this.client = new MqttClient(brokerUrl, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException("mqtt.url " + brokerUrl + ": " + e.getMessage(), e);
        }
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) subscribe();
            }

            @Override
            public void connectionLost(Throwable cause) {
                log.log(Level.WARNING, "Plate feed lost its broker; reconnecting: {0}", cause.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                accept(message.getPayload());
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
    }

    /** Connects and subscribes; throws when the broker cannot be reached now (it keeps trying afterwards). */
    public MqttPlateFeed start() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setCleanSession(true);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(30);
        try {
            client.connect(options);
        } catch (MqttException e) {
            throw new IllegalStateException("cannot reach the MQTT broker " + client.getServerURI(), e);
        }
        subscribe();
        return this;
    }

    void accept(byte[] payload) {
        parser.parse(payload, clock.instant()).ifPresent(read -> {
            received.incrementAndGet();
            latest.put(
                    read.cameraId(),
                    new PlateCamera.PlateRead(read.plate(), read.confidence(), read.imageRef(), read.at()));
        });
    }

    /** The lane camera fed by events naming {@code cameraId}. */
    public PlateCamera camera(String cameraId) {
        return (Instant now, Duration maxAge) ->
                Optional.ofNullable(latest.get(cameraId)).filter(r -> !r.at().isBefore(now.minus(maxAge)));
    }

    /** Plate reads accepted so far. */
    public long received() {
        return received.get();
    }

    private void subscribe() {
        try {
            for (String topic : topics) client.subscribe(topic, 1);
        } catch (MqttException e) {
            log.log(Level.WARNING, "Plate feed could not subscribe: {0}", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) client.disconnect(1000);
            client.close();
        } catch (MqttException e) {
            log.log(Level.DEBUG, "closing the plate feed", e);
        }
    }
}
