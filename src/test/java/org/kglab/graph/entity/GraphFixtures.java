package org.kglab.graph.entity;

import com.jayway.jsonpath.DocumentContext;
import org.kglab.support.Api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Entities and relationships written through the GraphQL API, as clients write them. */
public final class GraphFixtures {

    private GraphFixtures() {
    }

    public static Map<String, Object> entity(String type, String name, String visibility) {
        Map<String, Object> input = new HashMap<>();
        input.put("type", type);
        input.put("name", name);
        input.put("visibility", visibility);
        return input;
    }

    public static Map<String, Object> relationship(String source, String type, String target) {
        return Map.of("sourceId", source, "type", type, "targetId", target);
    }

    /** Upserts the entities, which must succeed, and returns their ids in input order. */
    public static List<String> upsert(Api api, List<Map<String, Object>> entities) {
        DocumentContext reply = api.graphql("upsertEntities", Map.of("entities", entities));
        assertNoErrors(reply);
        return reply.read("$.data.upsertEntities.ids");
    }

    /** One entity of type Concept, by name. */
    public static String concept(Api api, String name, String visibility) {
        return upsert(api, List.of(entity("Concept", name, visibility))).getFirst();
    }

    public static List<String> link(Api api, List<Map<String, Object>> relationships) {
        DocumentContext reply = api.graphql("upsertRelationships", Map.of("relationships", relationships));
        assertNoErrors(reply);
        return reply.read("$.data.upsertRelationships.ids");
    }

    /** A chain a -> b -> c -> ... of RELATED_TO relationships. */
    public static void chain(Api api, String... ids) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (int i = 0; i + 1 < ids.length; i++) {
            links.add(relationship(ids[i], "RELATED_TO", ids[i + 1]));
        }
        link(api, links);
    }

    public static String errorCode(DocumentContext reply) {
        return reply.read("$.errors[0].extensions.classification");
    }

    public static void assertNoErrors(DocumentContext reply) {
        if (reply.read("$.errors") != null) {
            throw new AssertionError("GraphQL errors: " + reply.jsonString());
        }
    }
}
