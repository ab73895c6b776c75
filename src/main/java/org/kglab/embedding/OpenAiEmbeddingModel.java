package org.kglab.embedding;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
    private static final int MAX_ERROR_CHARS = 300;

    private final OpenAiProperties config;
    private final URI endpoint;
    private final String model;
    private final ObjectMapper json;
    private final HttpClient http;

    OpenAiEmbeddingModel(OpenAiProperties config, ObjectMapper json) {
        String url = config.url();
        String name = config.model();
        if (url == null || url.isBlank() || name == null || name.isBlank()) {
            throw new IllegalStateException("kglab.embedding.provider is openai, so KGLAB_EMBEDDING_OPENAI_URL and "
                    + "KGLAB_EMBEDDING_OPENAI_MODEL must be set");
        }
        this.config = config;
        this.endpoint = URI.create(url.replaceAll("/+$", "") + "/v1/embeddings");
        this.model = name;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
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
        HttpResponse<InputStream> response = send(texts);
        byte[] body = read(response);
        if (response.statusCode() / 100 != 2) {
            throw new EmbeddingFailed("The embedding service at " + endpoint + " answered HTTP "
                    + response.statusCode() + ": " + excerpt(body), null);
        }
        @Nullable Answer answer;
        try {
            answer = json.readValue(body, Answer.class);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddingFailed("The embedding service at " + endpoint + " sent an answer that is not "
                    + "OpenAI embeddings JSON: " + excerpt(body), e);
        }
        if (answer == null) {
            throw new EmbeddingFailed("The embedding service at " + endpoint + " sent an empty answer", null);
        }
        return vectors(answer, texts.size());
    }

    private HttpResponse<InputStream> send(List<String> texts) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(config.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        String key = config.key();
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            byte[] payload = json.writeValueAsBytes(new Request(model, texts));
            return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new EmbeddingFailed("The embedding service at " + endpoint + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddingFailed("Interrupted while waiting for the embedding service", e);
        }
    }

    private List<float[]> vectors(Answer answer, int expected) {
        List<Item> answered = answer.data();
        List<Item> data = answered == null ? List.of() : answered;
        if (data.size() != expected) {
            throw new EmbeddingFailed("The embedding service at " + endpoint + " returned " + data.size()
                    + " vectors for " + expected + " texts", null);
        }
        List<float[]> vectors = new ArrayList<>(data.size());
        for (Item item : data.stream().sorted(Comparator.comparingInt(Item::index)).toList()) {
            float[] vector = item.embedding();
            if (vector == null || vector.length != config.dimension()) {
                throw new EmbeddingFailed("The embedding service at " + endpoint + " returned vectors of "
                        + (vector == null ? 0 : vector.length) + " dimensions; " + model + " is configured with "
                        + config.dimension() + " (KGLAB_EMBEDDING_OPENAI_DIMENSION)", null);
            }
            vectors.add(vector);
        }
        return vectors;
    }

    private byte[] read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            if (body.length > MAX_RESPONSE_BYTES) {
                throw new EmbeddingFailed("The embedding service at " + endpoint + " sent more than "
                        + MAX_RESPONSE_BYTES / (1024 * 1024) + " MB", null);
            }
            return body;
        } catch (IOException e) {
            throw new EmbeddingFailed("Reading the answer of the embedding service at " + endpoint + " failed: "
                    + e, e);
        }
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
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
