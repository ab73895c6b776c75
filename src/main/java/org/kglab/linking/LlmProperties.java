package org.kglab.linking;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import org.jspecify.annotations.Nullable;

import java.time.Duration;

/**
 * An OpenAI-compatible chat-completions service as the entity extractor ({@code kglab.linking.llm.*}), instead of
 * the in-process OpenNLP one. Off by default: documents then leave the machine.
 *
 * @param url              base URL; requests go to {@code {url}/v1/chat/completions}
 * @param model            the model name sent with each request
 * @param key              bearer key, if the service wants one; never logged
 * @param maxRequestChars  characters of chunk text per request; a document takes as many requests as it needs
 * @param maxRequests      requests per document; text beyond them is not read (the extraction says so)
 * @param maxResponseBytes a larger answer is refused
 * @param timeout          for one request
 */
@ConfigurationProperties("kglab.linking.llm")
public record LlmProperties(
        @Bindable(defaultValue = "false") boolean enabled,
        @Nullable String url,
        @Nullable String model,
        @Nullable String key,
        @Bindable(defaultValue = "12000") int maxRequestChars,
        @Bindable(defaultValue = "20") int maxRequests,
        @Bindable(defaultValue = "1048576") int maxResponseBytes,
        @Bindable(defaultValue = "10s") Duration connectTimeout,
        @Bindable(defaultValue = "120s") Duration timeout) {

    public LlmProperties {
        maxRequestChars = Math.clamp(maxRequestChars, 500, 200_000);
        maxRequests = Math.clamp(maxRequests, 1, 1_000);
        maxResponseBytes = Math.clamp(maxResponseBytes, 1_024, 64 * 1024 * 1024);
    }

    @Override
    public String toString() {
        return "LlmProperties[enabled=" + enabled + ", url=" + url + ", model=" + model + ", key="
                + (key == null || key.isBlank() ? "none" : "(set)") + ", maxRequestChars=" + maxRequestChars
                + ", maxRequests=" + maxRequests + ", timeout=" + timeout + "]";
    }
}
