package org.kglab.ingestion;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * Bounds on text extraction, which runs in separate Java processes so that a hostile file can
 * never take the service's own memory or threads with it.
 *
 * @param timeout     wall-clock time one file may take ({@code KGLAB_EXTRACTION_TIMEOUT})
 * @param heapMb      heap of each extraction process, in MB ({@code KGLAB_EXTRACTION_HEAP_MB})
 * @param processes   extraction processes kept at most, hence files extracted at once
 *                    ({@code KGLAB_EXTRACTION_PROCESSES})
 * @param idleTimeout an extraction process left unused this long exits; the next upload starts a new one
 * @param maxExpansionRatio text beyond a million characters may be at most this many times the file's size;
 *                    more is a compression bomb
 */
@ConfigurationProperties("kglab.extraction")
record ExtractionProperties(
        @Bindable(defaultValue = "60s") Duration timeout,
        @Bindable(defaultValue = "256") int heapMb,
        @Bindable(defaultValue = "2") int processes,
        @Bindable(defaultValue = "10m") Duration idleTimeout,
        @Bindable(defaultValue = "100") int maxExpansionRatio) {
}
