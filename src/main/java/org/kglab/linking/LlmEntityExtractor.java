package org.kglab.linking;

import io.micronaut.context.annotation.Requires;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.graph.entity.GraphTypesProperties;
import org.kglab.platform.JsonService;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Entities and typed relationships from an OpenAI-compatible chat-completions service (Ollama, vLLM, a team's own
 * model server), asked for JSON that follows a schema. A document is sent in batches of whole chunks, each at most
 * {@code max-request-chars} long (a longer chunk alone), and at most {@code max-requests} of them; the answers are
 * checked by {@link LlmAnswers}. Only when {@code kglab.linking.llm.enabled} is true.
 */
@Singleton
@Requires(property = "kglab.linking.llm.enabled", value = "true")
final class LlmEntityExtractor implements EntityExtractor {

    private final GraphTypesProperties types;
    private final LinkingProperties limits;
    private final LlmProperties config;
    private final ObjectMapper json;
    private final JsonService service;
    private final LlmPrompt prompt;
    private final String id;

    LlmEntityExtractor(GraphTypesProperties types, LinkingProperties limits, LlmProperties config, ObjectMapper json) {
        String url = config.url();
        String model = config.model();
        if (url == null || url.isBlank() || model == null || model.isBlank()) {
            throw new IllegalStateException("kglab.linking.llm.enabled is true, so KGLAB_LINKING_LLM_URL and "
                    + "KGLAB_LINKING_LLM_MODEL must be set");
        }
        this.types = types;
        this.limits = limits;
        this.config = config;
        this.json = json;
        this.service = new JsonService("entity extraction service", JsonService.endpoint(url, "/v1/chat/completions"),
                config.key(), config.connectTimeout(), config.timeout(), config.maxResponseBytes(),
                ExtractionFailed::new);
        this.prompt = new LlmPrompt(model, types, json);
        this.id = "llm/" + model;
        EntityCollector.defaultType(types, limits);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        List<List<ChunkText>> batches = batches(request.chunks());
        boolean truncated = batches.size() > config.maxRequests()
                || request.chunks().stream().mapToLong(c -> c.text().length()).sum() > limits.maxChars();
        EntityCollector entities = new EntityCollector(types, limits);
        LlmAnswers answers = new LlmAnswers(types);
        long read = 0;
        for (List<ChunkText> batch : batches.subList(0, Math.min(batches.size(), config.maxRequests()))) {
            read += batch.stream().mapToLong(c -> c.text().length()).sum();
            if (read > limits.maxChars()) {
                break;
            }
            Map<Integer, ChunkText> byOrdinal = batch.stream()
                    .collect(Collectors.toMap(ChunkText::ordinal, c -> c, (a, b) -> a, LinkedHashMap::new));
            answers.ground(ask(batch), byOrdinal, entities);
        }
        List<CandidateEntity> kept = entities.entities();
        Set<String> keys = kept.stream().map(CandidateEntity::normalizedName).collect(Collectors.toSet());
        return new Extraction(id, kept, answers.relationships(keys, limits.maxRelationships()),
                truncated || entities.truncated());
    }

    private LlmAnswers.Graph ask(List<ChunkText> batch) {
        byte[] body;
        try {
            body = service.post(json.writeValueAsBytes(prompt.request(batch)));
        } catch (IOException e) {
            throw new ExtractionFailed("The extraction request could not be written: " + e.getMessage(), e);
        }
        LlmAnswers.Choice choice = firstChoice(read(body, LlmAnswers.Completion.class, "an OpenAI chat completion",
                body));
        if (choice != null && "length".equals(choice.finishReason())) {
            throw service.refused("stopped before its answer was complete (finish_reason: length); a smaller "
                    + "kglab.linking.llm.max-request-chars leaves it more room");
        }
        LlmAnswers.Message message = choice == null ? null : choice.message();
        String content = message == null ? null : message.content();
        if (content == null || content.isBlank()) {
            throw service.malformed("a chat completion with content", body, null);
        }
        String expected = "entities and relationships as JSON";
        LlmAnswers.Graph graph = read(content.getBytes(StandardCharsets.UTF_8), LlmAnswers.Graph.class, expected,
                body);
        if (graph == null) {
            throw service.malformed(expected, body, null);
        }
        return graph;
    }

    private static LlmAnswers.@Nullable Choice firstChoice(LlmAnswers.@Nullable Completion completion) {
        List<LlmAnswers.Choice> choices = completion == null ? null : completion.choices();
        return choices == null || choices.isEmpty() ? null : choices.getFirst();
    }

    /** {@code content} (all or part of {@code body}) as a {@code type}; a failure quoting the body if it is not. */
    private <T> @Nullable T read(byte[] content, Class<T> type, String expected, byte[] body) {
        try {
            return json.readValue(content, type);
        } catch (IOException | RuntimeException e) {
            throw service.malformed(expected, body, e);
        }
    }

    /** Whole chunks in order of ordinal, grouped up to the request size. */
    private List<List<ChunkText>> batches(List<ChunkText> chunks) {
        List<List<ChunkText>> batches = new ArrayList<>();
        List<ChunkText> batch = new ArrayList<>();
        int size = 0;
        for (ChunkText chunk : chunks.stream().sorted(Comparator.comparingInt(ChunkText::ordinal)).toList()) {
            if (!batch.isEmpty() && size + chunk.text().length() > config.maxRequestChars()) {
                batches.add(batch);
                batch = new ArrayList<>();
                size = 0;
            }
            batch.add(chunk);
            size += chunk.text().length();
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
