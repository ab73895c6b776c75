package org.kglab.linking;

import java.util.List;

/**
 * What an extractor found in a document. {@code truncated} says a bound was reached: text beyond the
 * character bound was not read, or the least supported entities beyond the entity bound were dropped.
 */
public record Extraction(String extractor, List<CandidateEntity> entities, List<CandidateRelationship> relationships,
                         boolean truncated) {

    public Extraction {
        entities = List.copyOf(entities);
        relationships = List.copyOf(relationships);
    }
}
