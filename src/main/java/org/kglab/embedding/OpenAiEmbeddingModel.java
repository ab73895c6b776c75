package org.kglab.embedding;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.platform.JsonService;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An OpenAI-compatible embeddings service ({@code POST {url}/v1/embeddings}), for teams that run their own
 * model server (vLLM, Ollama, text-embeddings-inference, LocalAI) or use a hosted one. Requests and answers
 * are bounded in time and size; the key is sent as a bearer token and appears in no message or log.
 */
@Singleton
@Requires(property = "kglab.embedding.provider", value = "openai")
final class OpenAiEmbeddingModel implements EmbeddingModel {

    /** An answer larger than this is not an answer to a bounded batch. */
    static final int MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

    private final OpenAiProperties config;
    private final JsonService service;
    private final String model;
    private final ObjectMapper json;

    OpenAiEmbeddingModel(OpenAiProperties config, ObjectMapper json) {
        String url = config.url();
        String name = config.model();
        if (url == null || url.isBlank() || name == null || name.isBlank()) {
            throw new IllegalStateException("kglab.embedding.provider is openai, so KGLAB_EMBEDDING_OPENAI_URL and "
                    + "KGLAB_EMBEDDING_OPENAI_MODEL must be set");
        }
        this.config = config;
        this.service = new JsonService("embedding service", JsonService.endpoint(url, "/v1/embeddings"),
                config.key(), config.connectTimeout(), config.timeout(), MAX_RESPONSE_BYTES, EmbeddingFailed::new);
        this.model = name;
        this.json = json;
    }

    @Override
    public String id() {
        return model;
    }

    @Override
    public int dimension() {
        return config.dimension();
    }

    @Override
    public int countTokens(String text) {
        return ApproximateTokens.count(text);
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        byte[] body;
        try {
            body = service.post(json.writeValueAsBytes(new Request(model, texts)));
        } catch (IOException e) {
            throw new EmbeddingFailed("The embedding request could not be written: " + e.getMessage(), e);
        }
        @Nullable Answer answer;
        try {
            answer = json.readValue(body, Answer.class);
        } catch (IOException | RuntimeException e) {
            throw service.malformed("OpenAI embeddings JSON", body, e);
        }
        if (answer == null) {
            throw service.refused("sent an empty answer");
        }
        return vectors(answer, texts.size());
    }

    private List<float[]> vectors(Answer answer, int expected) {
        List<Item> answered = answer.data();
        List<Item> data = answered == null ? List.of() : answered;
        if (data.size() != expected) {
            throw service.refused("returned " + data.size() + " vectors for " + expected + " texts");
        }
        List<float[]> vectors = new ArrayList<>(data.size());
        for (Item item : data.stream().sorted(Comparator.comparingInt(Item::index)).toList()) {
            float[] vector = item.embedding();
            if (vector == null || vector.length != config.dimension()) {
                throw service.refused("returned vectors of " + (vector == null ? 0 : vector.length) + " dimensions; "
                        + model + " is configured with " + config.dimension() + " (KGLAB_EMBEDDING_OPENAI_DIMENSION)");
            }
            vectors.add(vector);
        }
        return vectors;
    }

    @Serdeable
    record Request(String model, List<String> input) {
    }

    @Serdeable
    record Answer(@Nullable List<Item> data) {
    }

    @Serdeable
    record Item(int index, float @Nullable [] embedding) {
    }
}
