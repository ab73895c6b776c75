package org.kglab.embedding;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * An OpenAI-compatible embeddings service ({@code KGLAB_EMBEDDING_OPENAI_*}).
 *
 * @param url       base URL; requests go to {@code {url}/v1/embeddings}
 * @param model     the model name sent with each request, also the id stored with each vector
 * @param key       bearer key, if the service wants one; never logged
 * @param dimension the length of the model's vectors
 * @param timeout   for one request
 */
@ConfigurationProperties("kglab.embedding.openai")
public record OpenAiProperties(
        @Nullable String url,
        @Nullable String model,
        @Nullable String key,
        @Bindable(defaultValue = "384") int dimension,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "60s") Duration timeout) {

    @Override
    public String toString() {
        return "OpenAiProperties[url=" + url + ", model=" + model + ", key=" + (key == null ? "none" : "(set)")
                + ", dimension=" + dimension + "]";
    }
}
