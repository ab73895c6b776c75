package org.kglab.api.graphql;

import org.jspecify.annotations.Nullable;
import org.kglab.graph.entity.EntityId;
import org.kglab.graph.entity.EntityInput;
import org.kglab.graph.entity.EntityPatch;
import org.kglab.graph.entity.RelationshipInput;
import org.kglab.graph.entity.Visibility;

import java.util.List;
import java.util.Map;

/** The knowledge graph's GraphQL input objects as the feature's records; the schema has checked their shape. */
final class EntityInputs {

    private EntityInputs() {
    }

    static List<EntityInput> entities(List<Map<String, Object>> inputs) {
        return inputs.stream().map(input -> new EntityInput((String) input.get("key"), (String) required(input, "type"),
                (String) required(input, "name"), strings(input.get("aliases")), (String) input.get("description"),
                properties(input.get("properties")), visibility(input.get("visibility")))).toList();
    }

    static List<RelationshipInput> relationships(List<Map<String, Object>> inputs) {
        return inputs.stream().map(input -> new RelationshipInput(
                EntityId.parse((String) required(input, "sourceId")), (String) required(input, "type"),
                EntityId.parse((String) required(input, "targetId")), properties(input.get("properties")),
                input.get("confidence") instanceof Number n ? n.doubleValue() : 1.0)).toList();
    }

    static EntityPatch patch(Map<String, Object> input) {
        Object aliases = input.get("aliases");
        Object properties = input.get("properties");
        Object visibility = input.get("visibility");
        return new EntityPatch((String) input.get("type"), (String) input.get("name"),
                aliases == null ? null : strings(aliases), (String) input.get("description"),
                properties == null ? null : properties(properties),
                visibility == null ? null : visibility(visibility));
    }

    private static Object required(Map<String, Object> input, String name) {
        Object value = input.get(name);
        if (value == null) {
            throw new InvalidArgument("'" + name + "' must not be null.");
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(@Nullable Object value) {
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(@Nullable Object value) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new InvalidArgument("'properties' must be a JSON object.");
        }
        return (Map<String, Object>) value;
    }

    private static Visibility visibility(@Nullable Object value) {
        return value == null ? Visibility.PRIVATE : Visibility.valueOf(value.toString());
    }
}
