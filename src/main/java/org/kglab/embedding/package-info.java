/** Text to vectors: the {@link org.kglab.embedding.EmbeddingModel} port and its adapters. */
@NullMarked
package org.kglab.embedding;

import org.jspecify.annotations.NullMarked;
