package org.kglab.identity.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"PT24H, 24 hours", "PT1H, 1 hour", "PT90M, 90 minutes", "PT30M, 30 minutes", "PT1M, 1 minute",
            "PT45S, 45 seconds", "PT0S, 1 second"})
    void saysDurationsAsPeopleDo(String duration, String spoken) {
        assertThat(Durations.spoken(Duration.parse(duration))).isEqualTo(spoken);
    }
}
