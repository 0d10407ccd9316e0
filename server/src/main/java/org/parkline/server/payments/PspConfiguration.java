package org.parkline.server.payments;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Picks the PSP adapter by {@code parkline.payments.psp}; turns on the scheduler the reconciler runs on. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
@EnableScheduling
class PspConfiguration {

    @Bean
    PaymentServiceProvider paymentServiceProvider(PaymentProperties properties, Clock clock) {
        return choose(properties, clock);
    }

    static PaymentServiceProvider choose(PaymentProperties properties, Clock clock) {
        return switch (properties.psp()) {
            case "simulated" ->
                new SimulatedPsp(
                        properties.simulated().behaviour(),
                        properties.simulated().slowDelay(),
                        clock);
            case "stripe" -> new StripePsp(properties.stripe());
            default ->
                throw new IllegalStateException(
                        "parkline.payments.psp must be simulated or stripe, not " + properties.psp());
        };
    }
}
