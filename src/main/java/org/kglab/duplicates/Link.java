package org.kglab.duplicates;

import io.micronaut.core.annotation.Introspected;

import java.util.UUID;

/** One direction of a stored link: {@code other} nearly repeats {@code source}. */
@Introspected
record Link(UUID source, UUID other, float similarity) {
}
