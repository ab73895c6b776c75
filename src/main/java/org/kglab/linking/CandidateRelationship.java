package org.kglab.linking;

/**
 * A relationship between two candidates of the same extraction, named by their normalised names. {@code weight}
 * is how many times the document supports it (for RELATED_TO, the sentences in which both occur), and
 * {@code confidence} (0..1) grows with it.
 */
public record CandidateRelationship(String source, String target, String type, int weight, double confidence) {
}
