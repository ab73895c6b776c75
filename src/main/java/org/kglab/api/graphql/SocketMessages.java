package org.kglab.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import io.micronaut.configuration.graphql.GraphQLJsonSerializer;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages of the graphql-ws protocol ({@code graphql-transport-ws}): reading what a client sends,
 * writing what the server answers. A message the protocol does not allow is {@link Invalid}, which
 * closes the socket with 4400, as the protocol says.
 */
@Singleton
final class SocketMessages {

    /** What a client may send; {@code payload} is an empty object when the message had none. */
    record Inbound(String type, @Nullable String id, JsonNode payload) {
    }

    static final int MAX_ID_CHARS = 128;

    private final JsonMapper json;
    private final GraphQLJsonSerializer serializer;

    SocketMessages(JsonMapper json, GraphQLJsonSerializer serializer) {
        this.json = json;
        this.serializer = serializer;
    }

    Inbound read(String text) {
        JsonNode node;
        try {
            node = json.readValue(text, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            throw new Invalid("Invalid message: not JSON");
        }
        if (node == null || !node.isObject() || node.get("type") == null || !node.get("type").isString()) {
            throw new Invalid("Invalid message: a JSON object with a 'type' is expected");
        }
        String type = node.get("type").getStringValue();
        JsonNode id = node.get("id");
        if (id != null && (!id.isString() || id.getStringValue().isEmpty()
                || id.getStringValue().length() > MAX_ID_CHARS)) {
            throw new Invalid("Invalid message: 'id' must be a string of 1 to " + MAX_ID_CHARS + " characters");
        }
        JsonNode payload = node.get("payload");
        if (payload != null && !payload.isNull() && !payload.isObject()) {
            throw new Invalid("Invalid message: 'payload' must be an object");
        }
        return new Inbound(type, id == null ? null : id.getStringValue(),
                payload == null || payload.isNull() ? JsonNode.createObjectNode(Map.of()) : payload);
    }

    JsonMapper mapper() {
        return json;
    }

    String ack() {
        return serializer.serialize(Map.of("type", "connection_ack"));
    }

    String pong() {
        return serializer.serialize(Map.of("type", "pong"));
    }

    String next(String id, ExecutionResult result) {
        return write(id, "next", result.toSpecification());
    }

    String error(String id, List<GraphQLError> errors) {
        return write(id, "error", errors.stream().map(GraphQLError::toSpecification).toList());
    }

    String complete(String id) {
        return write(id, "complete", null);
    }

    private String write(String id, String type, @Nullable Object payload) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", id);
        message.put("type", type);
        if (payload != null) {
            message.put("payload", payload);
        }
        return serializer.serialize(message);
    }

    /** A message the protocol does not allow; its text becomes the close reason. */
    static final class Invalid extends Failure {
        Invalid(String reason) {
            super(Kind.BAD_REQUEST, reason);
        }
    }
}
