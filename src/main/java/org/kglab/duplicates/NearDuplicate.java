package org.kglab.duplicates;

import org.kglab.documents.Document;

/**
 * A document that nearly repeats another one.
 *
 * @param similarity the estimated Jaccard similarity of their word shingles, above {@link MinHash#THRESHOLD}
 */
public record NearDuplicate(Document document, double similarity) {
}
