package org.kglab.documents;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/**
 * Part of a document's extracted text, read on its own: {@code content} is the slice asked for,
 * {@code length} the whole text's length. Both count characters (Unicode code points).
 */
@Introspected
public record DocumentText(UUID id, String content, int length) {
}
