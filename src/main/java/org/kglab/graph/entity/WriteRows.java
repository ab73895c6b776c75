package org.kglab.graph.entity;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Inputs checked by {@link EntityRules} and turned into the rows the stores' {@code UNWIND} statements take:
 * names normalised, the merge key that makes an upsert idempotent, the content hash that makes a repeat a no-op.
 */
@Singleton
final class WriteRows {

    private final EntityRules rules;
    private final EntityRows rows;

    WriteRows(EntityRules rules, EntityRows rows) {
        this.rules = rules;
        this.rows = rows;
    }

    List<Map<String, Object>> entities(UUID owner, List<EntityInput> inputs, Provenance provenance) {
        List<Map<String, Object>> result = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            EntityInput input = inputs.get(i);
            String key = EntityRules.key(input.key());
            Map<String, Object> row = entity(owner, key, input.type(), input.name(), input.aliases(),
                    input.description(), input.properties(), input.visibility(), provenance);
            row.put("idx", i);
            row.put("id", EntityId.random().toString());
            row.put("key", key);
            result.add(row);
        }
        return result;
    }

    /** The entity's row after a patch, keeping its merge key if a client key names it. */
    Map<String, Object> patched(UUID owner, Entity current, @Nullable String clientKey, EntityPatch patch,
                                Provenance provenance) {
        String name = patch.name() == null ? current.name() : patch.name();
        return entity(owner, clientKey, patch.type() == null ? current.type() : patch.type(), name,
                patch.aliases() == null ? current.aliases() : patch.aliases(),
                patch.description() == null ? current.description() : patch.description(),
                patch.properties() == null ? current.properties() : patch.properties(),
                patch.visibility() == null ? current.visibility() : patch.visibility(), provenance);
    }

    /** The kept entity's aliases after a merge: its own, the removed one's name and aliases, without repeats. */
    Map<String, Object> merged(Entity kept, Entity removed) {
        Set<String> aliases = new LinkedHashSet<>(kept.aliases());
        aliases.add(removed.name());
        aliases.addAll(removed.aliases());
        List<String> mergedAliases = EntityRules.aliases(List.copyOf(aliases).subList(0,
                Math.min(aliases.size(), EntityRules.MAX_ALIASES)), kept.name());
        return Map.of("aliases", mergedAliases, "hash", hash(kept.type(), kept.name(), mergedAliases, kept.description(),
                rows.json(kept.properties()), kept.visibility()));
    }

    List<Map<String, Object>> relationships(List<RelationshipInput> inputs, Provenance provenance) {
        List<Map<String, Object>> result = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            RelationshipInput input = inputs.get(i);
            if (input.source().equals(input.target())) {
                throw new InvalidEntityInput("A relationship links two different entities; " + input.source()
                        + " is both its source and its target.");
            }
            String json = rows.json(EntityRules.properties(input.properties()));
            double confidence = EntityRules.confidence(input.confidence());
            Map<String, Object> row = new HashMap<>();
            row.put("idx", i);
            row.put("id", UUID.randomUUID().toString());
            row.put("source", input.source().toString());
            row.put("target", input.target().toString());
            row.put("type", rules.relationshipType(input.type()));
            row.put("properties", json);
            row.put("confidence", confidence);
            row.put("hash", EntityRows.contentHash(List.of(json, confidence)));
            putProvenance(row, provenance);
            result.add(row);
        }
        return result;
    }

    private Map<String, Object> entity(UUID owner, @Nullable String clientKey, String type, String name,
                                       List<String> aliases, @Nullable String description,
                                       Map<String, Object> properties, Visibility visibility, Provenance provenance) {
        String checkedType = rules.entityType(type);
        String tidy = EntityRules.name(name);
        String normalised = Names.normalise(tidy);
        List<String> keptAliases = EntityRules.aliases(aliases, tidy);
        String checkedDescription = EntityRules.description(description);
        String json = rows.json(EntityRules.properties(properties));
        Map<String, Object> row = new HashMap<>();
        row.put("mergeKey", clientKey != null ? "k\u001f" + owner + "\u001f" + clientKey
                : "n\u001f" + owner + "\u001f" + checkedType + "\u001f" + normalised);
        row.put("type", checkedType);
        row.put("name", tidy);
        row.put("normalisedName", normalised);
        row.put("aliases", keptAliases);
        if (checkedDescription != null) {
            row.put("description", checkedDescription);
        }
        row.put("properties", json);
        row.put("visibility", visibility.name());
        row.put("hash", hash(checkedType, tidy, keptAliases, checkedDescription, json, visibility));
        putProvenance(row, provenance);
        return row;
    }

    private static String hash(String type, String name, List<String> aliases, @Nullable String description,
                               String json, Visibility visibility) {
        return EntityRows.contentHash(java.util.Arrays.asList(type, name, aliases, description, json, visibility));
    }

    /** Absent provenance fields are left out: the driver's parameter maps take no Java null here. */
    private static void putProvenance(Map<String, Object> row, Provenance provenance) {
        Map<String, @Nullable Object> flat = new HashMap<>();
        EntityRows.putProvenance(flat, provenance);
        flat.forEach((name, value) -> {
            if (value != null) {
                row.put(name, value);
            }
        });
    }
}
