package org.kglab.graph.entity;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entities and relationships as Neo4j holds them and back. Properties are kept as a JSON string (Neo4j has no
 * map-valued property); provenance as four flat properties.
 */
@Singleton
final class EntityRows {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    EntityRows(JsonMapper json) {
        this.json = json;
    }

    String json(Map<String, Object> properties) {
        try {
            String text = new String(json.writeValueAsBytes(properties), StandardCharsets.UTF_8);
            PropertyBounds.checkSize(text);
            return text;
        } catch (IOException e) {
            throw new InvalidEntityInput("'properties' cannot be written as JSON: " + e.getMessage());
        }
    }

    Map<String, Object> properties(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return Map.of();
        }
        try {
            Map<String, Object> map = json.readValue(text, MAP);
            return map == null ? Map.of() : map;
        } catch (IOException e) {
            throw new UncheckedIOException("Stored properties are not JSON", e);
        }
    }

    /** The node's properties as a map value ({@code d {.*}}). */
    Entity entity(Value node) {
        return new Entity(new EntityId(uuid(node.get("id"))), node.get("type").asString(), node.get("name").asString(),
                node.get("normalisedName").asString(), node.get("aliases").asList(Value::asString),
                node.get("description").asString(null), properties(node.get("properties").asString(null)),
                uuid(node.get("ownerId")), Visibility.valueOf(node.get("visibility").asString()), provenance(node),
                node.get("createdAt").asOffsetDateTime().toInstant(), node.get("updatedAt").asOffsetDateTime().toInstant(),
                node.get("revision").asLong());
    }

    /** A relationship's properties with its {@code type}, {@code source} and {@code target} ids added. */
    Relationship relationship(Value rel) {
        return new Relationship(uuid(rel.get("id")), rel.get("type").asString(), new EntityId(uuid(rel.get("source"))),
                new EntityId(uuid(rel.get("target"))), properties(rel.get("properties").asString(null)),
                rel.get("confidence").asDouble(), provenance(rel), uuid(rel.get("ownerId")),
                rel.get("createdAt").asOffsetDateTime().toInstant(), rel.get("updatedAt").asOffsetDateTime().toInstant(),
                rel.get("revision").asLong());
    }

    private static Provenance provenance(Value value) {
        String user = value.get("provUserId").asString(null);
        String key = value.get("provApiKeyId").asString(null);
        return new Provenance(user == null ? null : UUID.fromString(user), key == null ? null : UUID.fromString(key),
                value.get("provPipelineVersion").asString(null), value.get("provExtractor").asString(null));
    }

    /** Provenance as the flat properties every write sets. */
    static void putProvenance(Map<String, @Nullable Object> row, Provenance provenance) {
        row.put("provUserId", provenance.userId() == null ? null : provenance.userId().toString());
        row.put("provApiKeyId", provenance.apiKeyId() == null ? null : provenance.apiKeyId().toString());
        row.put("provPipelineVersion", provenance.pipelineVersion());
        row.put("provExtractor", provenance.extractor());
    }

    /** A digest of what a write sets, so that writing the same content again changes nothing, revision included. */
    static String contentHash(List<?> parts) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            for (Object part : parts) {
                digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID uuid(Value value) {
        return UUID.fromString(value.asString());
    }
}
