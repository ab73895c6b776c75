/**
 * A document's text in chunks: structure-aware passages with exact offsets, embedded by the configured model,
 * stored in PostgreSQL (pgvector) and projected to the graph through the outbox.
 */
@NullMarked
package org.kglab.chunks;

import org.jspecify.annotations.NullMarked;
