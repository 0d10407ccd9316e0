package org.parkline.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BurstOptionsTest {

    @Test
    void readsTheDocumentedCommandLine() {
        BurstOptions options = BurstOptions.parse(
                "--url", "http://localhost:18080",
                "--db", "jdbc:postgresql://127.0.0.1:5432/parkline?user=postgres",
                "--gates", "64",
                "--spots", "20000",
                "--cars", "20000");

        assertThat(options.url()).isEqualTo("http://localhost:18080");
        assertThat(options.db()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/parkline?user=postgres");
        assertThat(options.gates()).isEqualTo(64);
        assertThat(options.spots()).isEqualTo(20_000);
        assertThat(options.cars()).isEqualTo(20_000);
        assertThat(options.retryShare()).isEqualTo(0.05);
        assertThat(options.tariff()).isEqualTo("event");
    }

    @Test
    void canLeavePricingToTheServersDefaultTariff() {
        assertThat(BurstOptions.parse("--tariff", "server").tariff()).isEqualTo("server");
        assertThatThrownBy(() -> BurstOptions.parse("--tariff", "free")).hasMessageContaining("event or server");
    }

    @Test
    void withoutArgumentsRunsTheFullStadiumWithoutDatabaseChecks() {
        BurstOptions options = BurstOptions.parse();

        assertThat(options).isEqualTo(BurstOptions.FULL);
        assertThat(options.db()).isNull();
        assertThat(options.url()).isEqualTo("http://localhost:8080");
    }

    @Test
    void quickIsASmallerLotThanCarsSoSomeAreRefused() {
        BurstOptions options = BurstOptions.parse("--url", "http://localhost:18080", "--quick");

        assertThat(options.gates()).isEqualTo(8);
        assertThat(options.spots()).isEqualTo(500);
        assertThat(options.cars()).isGreaterThan(options.spots());
        assertThat(options.url()).isEqualTo("http://localhost:18080");
    }

    @Test
    void explicitFlagsWinOverTheQuickPreset() {
        BurstOptions options = BurstOptions.parse("--cars", "50", "--quick", "--timeout-ms", "1500", "--seed", "7");

        assertThat(options.cars()).isEqualTo(50);
        assertThat(options.spots()).isEqualTo(500);
        assertThat(options.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.seed()).isEqualTo(7);
    }

    @Test
    void namesTheLotAfterTheRunUnlessTold() {
        assertThat(BurstOptions.parse().lotIdOrDefault(1_771_900_000L)).isEqualTo("BURST_1771900000");
        assertThat(BurstOptions.parse("--lot", "EXPO").lotIdOrDefault(1L)).isEqualTo("EXPO");
    }

    @Test
    void rejectsWhatItCannotRunWithAMessage() {
        assertThatThrownBy(() -> BurstOptions.parse("--gates")).hasMessage("--gates needs a value");
        assertThatThrownBy(() -> BurstOptions.parse("--gates", "many")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> BurstOptions.parse("--gates", "0")).hasMessageContaining("--gates");
        assertThatThrownBy(() -> BurstOptions.parse("--retry-share", "1.5")).hasMessageContaining("--retry-share");
        assertThatThrownBy(() -> BurstOptions.parse("--lot", "no spaces")).hasMessageContaining("--lot");
        assertThatThrownBy(() -> BurstOptions.parse("--lot", "A_VERY_LONG_LOT_ID"))
                .hasMessageContaining("1..16");
        assertThatThrownBy(() -> BurstOptions.parse("--speed", "fast")).hasMessage("unknown option --speed");
    }

    @Test
    void gateCycleIsZeroByDefaultAndParsedInMilliseconds() {
        assertThat(BurstOptions.parse().gateCycle()).isZero();
        assertThat(BurstOptions.parse("--gate-cycle-ms", "2000").gateCycle())
                .isEqualTo(java.time.Duration.ofSeconds(2));
    }
}
