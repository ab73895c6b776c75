package org.kglab.graph.entity;

import org.jspecify.annotations.Nullable;

import java.util.UUID;

/**
 * Who or what wrote an entity or relationship: a user (with the API key used, if one was), or the ingestion
 * pipeline at a version with its extractor.
 */
public record Provenance(@Nullable UUID userId, @Nullable UUID apiKeyId, @Nullable String pipelineVersion,
                         @Nullable String extractor) {

    public static Provenance ofUser(UUID userId, @Nullable UUID apiKeyId) {
        return new Provenance(userId, apiKeyId, null, null);
    }

    public static Provenance ofPipeline(String pipelineVersion, String extractor) {
        return new Provenance(null, null, pipelineVersion, extractor);
    }
}
