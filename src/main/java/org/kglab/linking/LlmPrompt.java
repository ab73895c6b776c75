package org.kglab.linking;

import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import org.kglab.graph.entity.GraphTypesProperties;
import org.kglab.platform.ClasspathResources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The chat-completions request for one batch of chunks: instructions, the chunks numbered by ordinal, and a JSON
 * schema ({@code response_format}) whose enums are the allow-lists, so that a service that honours it can answer
 * nothing else. What it answers is checked all the same ({@link LlmAnswers}).
 */
final class LlmPrompt {

    private static final String INSTRUCTIONS = """
            You extract a knowledge graph from research documents. Find the named entities and the key concepts \
            of the chunks below: people, organisations, places, events, works, methods, datasets and concepts. \
            Give each entity once, with its type from this list: %s. For each mention, give the number of the \
            chunk it is in and the text exactly as it is written there. Give relationships only between entities \
            you list, with a type from this list: %s, and a confidence between 0 and 1. Answer with JSON only.""";

    private final String model;
    private final JsonNode schema;
    private final String instructions;

    LlmPrompt(String model, GraphTypesProperties types, ObjectMapper json) {
        this.model = model;
        try {
            String schemaText = ClasspathResources.text("linking/llm-extraction-schema.json")
                    .replace("\"@ENTITY_TYPES@\"", json.writeValueAsString(types.entityTypes()))
                    .replace("\"@RELATIONSHIP_TYPES@\"", json.writeValueAsString(types.relationshipTypes()));
            this.schema = Objects.requireNonNull(json.readValue(schemaText, JsonNode.class), "schema");
        } catch (IOException e) {
            throw new UncheckedIOException("The extraction schema could not be read", e);
        }
        this.instructions = INSTRUCTIONS.formatted(String.join(", ", types.entityTypes()),
                String.join(", ", types.relationshipTypes()));
    }

    JsonNode request(List<ChunkText> batch) {
        StringBuilder chunks = new StringBuilder();
        for (ChunkText chunk : batch) {
            chunks.append("### Chunk ").append(chunk.ordinal()).append('\n').append(chunk.text()).append("\n\n");
        }
        return JsonNode.createObjectNode(Map.of(
                "model", JsonNode.createStringNode(model),
                "temperature", JsonNode.createNumberNode(0),
                "messages", JsonNode.createArrayNode(List.of(message("system", instructions),
                        message("user", chunks.toString().strip()))),
                "response_format", JsonNode.createObjectNode(Map.of(
                        "type", JsonNode.createStringNode("json_schema"),
                        "json_schema", JsonNode.createObjectNode(Map.of(
                                "name", JsonNode.createStringNode("knowledge_graph"),
                                "strict", JsonNode.createBooleanNode(true),
                                "schema", schema))))));
    }

    private static JsonNode message(String role, String content) {
        return JsonNode.createObjectNode(Map.of("role", JsonNode.createStringNode(role),
                "content", JsonNode.createStringNode(content)));
    }
}
