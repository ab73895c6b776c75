package org.kglab.linking;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class LlmPropertiesTest {

    @Test
    void neverShowsTheKey() {
        LlmProperties properties = new LlmProperties(true, "http://127.0.0.1:11434", "llama3", "sk-secret-123", 12_000,
                20, 1 << 20, Duration.ofSeconds(10), Duration.ofSeconds(120));

        assertThat(properties.toString()).contains("llama3").contains("key=(set)").doesNotContain("sk-secret-123");
    }

    @Test
    void boundsAreKeptWithinReason() {
        LlmProperties properties = new LlmProperties(true, null, null, null, 0, 0, 0, Duration.ofSeconds(1),
                Duration.ofSeconds(1));

        assertThat(properties.maxRequestChars()).isEqualTo(500);
        assertThat(properties.maxRequests()).isEqualTo(1);
        assertThat(properties.maxResponseBytes()).isEqualTo(1_024);
    }
}
