package org.kglab.documents;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@link DocumentService#accept}: the new document, or the owner's existing one with the same
 * content ({@code duplicate}), in which case nothing was stored.
 *
 * @param then what the caller's step in the accepting transaction returned; null for a duplicate
 */
public record Accepted<T>(Document document, boolean duplicate, @Nullable T then) {
}
