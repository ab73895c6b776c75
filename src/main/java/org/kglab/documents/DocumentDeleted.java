package org.kglab.documents;

/**
 * A document was deleted. Published inside the deleting transaction.
 *
 * @param version one past the last stored version, so that the deletion orders after every change
 */
public record DocumentDeleted(DocumentId id, long version) {
}
