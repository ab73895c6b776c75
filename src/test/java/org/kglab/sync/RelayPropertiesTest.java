package org.kglab.sync;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RelayPropertiesTest {

    private final RelayProperties properties =
            new RelayProperties(true, 100, Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(60),
                    Duration.ofSeconds(60), 10);

    @ParameterizedTest
    @CsvSource({"0, 500", "1, 500", "2, 1000", "3, 2000", "7, 32000", "8, 60000", "40, 60000",
            "2147483647, 60000"})
    void doublesFromTheInitialDelayUpToTheCap(int attempt, long expectedMillis) {
        assertThat(properties.backoff(attempt)).isEqualTo(Duration.ofMillis(expectedMillis));
    }
}
