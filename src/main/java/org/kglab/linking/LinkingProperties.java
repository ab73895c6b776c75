package org.kglab.linking;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Bounds of one extraction ({@code kglab.linking.*}), whichever extractor runs.
 *
 * @param maxChars         characters of a document read; the text beyond is not (the extraction says so)
 * @param maxEntities      entities kept per document, the most mentioned first
 * @param maxRelationships relationships kept per document, the heaviest first
 * @param defaultType      the type of an entity whose type is not known; must be in the allow-list
 */
@ConfigurationProperties("kglab.linking")
public record LinkingProperties(
        @Bindable(defaultValue = "1000000") int maxChars,
        @Bindable(defaultValue = "500") int maxEntities,
        @Bindable(defaultValue = "2000") int maxRelationships,
        @Bindable(defaultValue = "Concept") String defaultType) {

    public LinkingProperties {
        maxChars = Math.clamp(maxChars, 1_000, 20_000_000);
        maxEntities = Math.clamp(maxEntities, 1, 10_000);
        maxRelationships = Math.clamp(maxRelationships, 0, 100_000);
    }

    /** The defaults, for tests and tools that run an extractor without a context. */
    static LinkingProperties defaults() {
        return new LinkingProperties(1_000_000, 500, 2_000, "Concept");
    }
}
