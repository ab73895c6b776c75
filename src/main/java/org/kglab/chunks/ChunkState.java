package org.kglab.chunks;

import io.micronaut.core.annotation.Introspected;

/** A document's chunk version, and whether the document is READY. */
@Introspected
record ChunkState(long version, boolean ready) {
}
