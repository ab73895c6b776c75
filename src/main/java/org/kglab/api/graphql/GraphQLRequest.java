package org.kglab.api.graphql;

import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;

import java.io.IOException;
import java.util.Map;

/**
 * Reads one GraphQL-over-HTTP request: a JSON object {@code {"query", "operationName", "variables"}}
 * in a POST body, or the same three as URL parameters of a GET. Anything else is refused with a
 * sentence that says what a well-formed request looks like.
 */
final class GraphQLRequest {

    private static final String SHAPE = "Send one JSON object such as {\"query\": \"{ me { id } }\", "
            + "\"variables\": {}}.";

    private GraphQLRequest() {
    }

    static GraphQLInvocationData fromJsonBody(JsonMapper json, @Nullable String body) {
        return fromJson(json, parse(json, body == null ? "" : body, "The request body"));
    }

    /** The same object, already parsed: the payload of a graphql-ws {@code subscribe} message. */
    static GraphQLInvocationData fromJson(JsonMapper json, JsonNode node) {
        if (node.isArray()) {
            throw new Malformed("Batched requests (a JSON array) are not supported. " + SHAPE);
        }
        if (!node.isObject()) {
            throw new Malformed("The request body must be a JSON object, got " + kind(node) + ". " + SHAPE);
        }
        String query = string(node.get("query"), "query");
        if (query == null) {
            throw new Malformed("The request has no 'query'. " + SHAPE);
        }
        return new GraphQLInvocationData(query, string(node.get("operationName"), "operationName"),
                variables(json, node.get("variables")));
    }

    static GraphQLInvocationData fromParameters(JsonMapper json, @Nullable String query,
                                                @Nullable String operationName, @Nullable String variables) {
        if (query == null || query.isBlank()) {
            throw new Malformed("The request has no 'query' parameter. Send ?query=<GraphQL document>.");
        }
        JsonNode parsed = variables == null ? null : parse(json, variables, "The 'variables' parameter");
        return new GraphQLInvocationData(query, operationName, variables(json, parsed));
    }

    private static JsonNode parse(JsonMapper json, String text, String what) {
        if (text.isBlank()) {
            throw new Malformed(what + " is empty. " + SHAPE);
        }
        try {
            JsonNode node = json.readValue(text, JsonNode.class);
            return node == null ? JsonNode.nullNode() : node;
        } catch (IOException | RuntimeException e) {
            // The parser's own message quotes internals; the position is of little use in a one-line body.
            throw new Malformed(what + " is not valid JSON. " + SHAPE);
        }
    }

    private static @Nullable String string(@Nullable JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new Malformed("'" + name + "' must be a string, got " + kind(node) + ".");
        }
        return node.getStringValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(JsonMapper json, @Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new Malformed("'variables' must be a JSON object of variable values, such as {\"id\": \"…\"}, got "
                    + kind(node) + ".");
        }
        try {
            return json.readValueFromTree(node, Map.class);
        } catch (IOException e) {
            throw new Malformed("'variables' could not be read. Send a JSON object of variable values.");
        }
    }

    private static String kind(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        return node.isArray() ? "an array" : "an object";
    }

    /** The HTTP request is not a GraphQL request this service understands. */
    static final class Malformed extends Failure {
        Malformed(String message) {
            super(Kind.BAD_REQUEST, message);
        }
    }
}
