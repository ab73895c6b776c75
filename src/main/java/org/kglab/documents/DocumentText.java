package org.kglab.documents;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** A document's extracted text, read on its own. */
@Introspected
record DocumentText(UUID id, String content) {
}
