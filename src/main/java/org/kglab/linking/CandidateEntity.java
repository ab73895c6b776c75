package org.kglab.linking;

import java.util.List;

/**
 * An entity found in one document: the name as first written, its normalised form (the key it is deduplicated by,
 * see {@link EntityNames}), a type from the allow-list, and every mention.
 */
public record CandidateEntity(String name, String normalizedName, String type, List<Mention> mentions) {

    public CandidateEntity {
        mentions = List.copyOf(mentions);
    }
}
