package org.kglab.embedding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Which embedding model makes the chunks' vectors.
 *
 * @param provider  {@code onnx} (default: BGE-small-en-v1.5, quantised, in-process), {@code openai} (an
 *                  OpenAI-compatible {@code /v1/embeddings} service) or {@code none} (chunks without vectors)
 * @param batchSize texts per call to the model
 */
@ConfigurationProperties("kglab.embedding")
public record EmbeddingProperties(
        @Bindable(defaultValue = "onnx") String provider,
        @Bindable(defaultValue = "32") int batchSize) {

    public EmbeddingProperties {
        batchSize = Math.clamp(batchSize, 1, 1024);
    }
}
