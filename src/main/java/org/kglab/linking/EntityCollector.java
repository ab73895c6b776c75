package org.kglab.linking;

import org.jspecify.annotations.Nullable;
import org.kglab.graph.entity.GraphTypesProperties;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers what an extractor finds in one document into candidates: deduplicated by normalised name, typed from
 * the allow-list (the type most often guessed, else the default), mentions in order without repeats, and at most
 * {@code maxEntities} of them, the most mentioned first.
 */
final class EntityCollector {

    private final GraphTypesProperties types;
    private final LinkingProperties limits;
    private final String defaultType;
    private final Map<String, Gathered> byKey = new LinkedHashMap<>();

    private static final class Gathered {
        final String name;
        final Map<String, Integer> typeVotes = new HashMap<>();
        final Set<Mention> mentions = new LinkedHashSet<>();
        final Set<Integer> groups = new TreeSet<>();

        Gathered(String name) {
            this.name = name;
        }
    }

    EntityCollector(GraphTypesProperties types, LinkingProperties limits) {
        this.types = types;
        this.limits = limits;
        this.defaultType = defaultType(types, limits);
    }

    /** The type of entities of no known type; adapters ask at start-up, so that a wrong setting fails early. */
    static String defaultType(GraphTypesProperties types, LinkingProperties limits) {
        return types.entityType(limits.defaultType()).orElseThrow(() -> new IllegalArgumentException(
                "kglab.linking.default-type is " + limits.defaultType() + ", which kglab.graph.entity-types does not list"));
    }

    /**
     * Adds one occurrence of an entity written {@code surface}, if its normalised name can name anything.
     *
     * @param type  a type guessed or stated for it, null if none; one outside the allow-list counts as none
     * @param group the sentence it occurs in, for co-occurrence; negative if not known
     * @return the normalised name it is kept under, or null if it was not kept
     */
    @Nullable String add(String surface, @Nullable String type, List<Mention> mentions, int group) {
        String key = EntityNames.normalize(surface);
        if (!EntityNames.isNameLike(key) || mentions.isEmpty()) {
            return null;
        }
        Gathered entity = byKey.computeIfAbsent(key, k -> new Gathered(surface.strip()));
        if (type != null) {
            types.entityType(type).ifPresent(allowed -> entity.typeVotes.merge(allowed, 1, Integer::sum));
        }
        entity.mentions.addAll(mentions);
        if (group >= 0) {
            entity.groups.add(group);
        }
        return key;
    }

    /** The candidates kept, the most mentioned first. */
    List<CandidateEntity> entities() {
        return kept().stream().map(e -> {
            Gathered g = e.getValue();
            List<Mention> mentions = g.mentions.stream()
                    .sorted(Comparator.comparingInt(Mention::chunkOrdinal).thenComparingInt(Mention::start)).toList();
            return new CandidateEntity(g.name, e.getKey(), type(g), mentions);
        }).toList();
    }

    /** The groups (sentences) each kept entity occurs in, by normalised name. */
    Map<String, Set<Integer>> groups() {
        Map<String, Set<Integer>> groups = new LinkedHashMap<>();
        kept().forEach(e -> groups.put(e.getKey(), e.getValue().groups));
        return groups;
    }

    boolean truncated() {
        return byKey.size() > limits.maxEntities();
    }

    private List<Map.Entry<String, Gathered>> kept() {
        Comparator<Map.Entry<String, Gathered>> order = Comparator
                .<Map.Entry<String, Gathered>>comparingInt(e -> -e.getValue().mentions.size())
                .thenComparing(e -> -e.getValue().mentions.stream().mapToDouble(Mention::confidence).max().orElse(0))
                .thenComparing(Map.Entry::getKey);
        return byKey.entrySet().stream().sorted(order).limit(limits.maxEntities()).toList();
    }

    private String type(Gathered entity) {
        return entity.typeVotes.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey,
                        Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(defaultType);
    }
}
