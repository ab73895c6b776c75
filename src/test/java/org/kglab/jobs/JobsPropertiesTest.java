package org.kglab.jobs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class JobsPropertiesTest {

    private final JobsProperties properties = new JobsProperties(true, 2, Duration.ofSeconds(2),
            Duration.ofSeconds(5), 3, Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofSeconds(20));

    @Test
    void backoffDoublesWithEachAttemptWithinItsJitteredUpperHalf() {
        assertThat(properties.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoff(1, 1.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(2, 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(2, 1.0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(properties.backoff(3, 0.5)).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    void backoffStopsGrowingAtItsMaximum() {
        assertThat(properties.backoff(20, 1.0)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff(64, 0.0)).isEqualTo(Duration.ofMinutes(5).dividedBy(2));
    }

    @Test
    void jitterSpreadsJobsThatFailedTogether() {
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> properties.backoff(3)).distinct().count())
                .isGreaterThan(1);
        assertThat(java.util.stream.IntStream.range(0, 50).mapToObj(i -> properties.backoff(3)))
                .allSatisfy(d -> assertThat(d).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8)));
    }
}
