package org.kglab.linking;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import org.jspecify.annotations.Nullable;
import org.kglab.graph.entity.GraphTypesProperties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model's answer, checked before anything of it is kept. Entity types outside the allow-list become the default
 * type, relationship types outside it are dropped; no offset is taken from the model: each mention's text is
 * looked for in the chunk it names, and an entity whose text occurs in none of the chunks is dropped as invented.
 * At most {@value #MAX_ITEMS} entities and relationships of an answer are read, {@value #MAX_MENTIONS} mentions each.
 */
final class LlmAnswers {

    static final int MAX_ITEMS = 1_000;
    static final int MAX_MENTIONS = 100;
    /** When a model states no confidence, or one outside 0..1, it is taken as a coin toss. */
    static final double UNSTATED = 0.5;

    @Serdeable
    record Completion(@Nullable List<Choice> choices) {
    }

    @Serdeable
    record Choice(@Nullable Message message, @JsonProperty("finish_reason") @Nullable String finishReason) {
    }

    @Serdeable
    record Message(@Nullable String content) {
    }

    @Serdeable
    record Graph(@Nullable List<Entity> entities, @Nullable List<Relationship> relationships) {
    }

    @Serdeable
    record Entity(@Nullable String name, @Nullable String type, @Nullable Double confidence,
                  @Nullable List<MentionText> mentions) {
    }

    @Serdeable
    record MentionText(@Nullable Integer chunk, @Nullable String text) {
    }

    @Serdeable
    record Relationship(@Nullable String source, @Nullable String target, @Nullable String type,
                        @Nullable Double confidence) {
    }

    private record Edge(String source, String target, String type) {
    }

    private final GraphTypesProperties types;
    private final Map<Edge, double[]> edges = new LinkedHashMap<>();

    LlmAnswers(GraphTypesProperties types) {
        this.types = types;
    }

    /** Keeps what {@code graph} says of the chunks of {@code batch} that their text bears out. */
    void ground(Graph graph, Map<Integer, ChunkText> batch, EntityCollector entities) {
        for (Entity entity : first(graph.entities())) {
            String name = entity.name();
            if (name != null && !name.isBlank()) {
                double confidence = confidence(entity.confidence());
                List<Mention> mentions = mentions(entity, batch, confidence);
                if (mentions.isEmpty()) {
                    batch.values().forEach(chunk -> mentions.addAll(find(chunk, name.strip(), confidence)));
                }
                entities.add(name, entity.type(), mentions, -1);
            }
        }
        for (Relationship relationship : first(graph.relationships())) {
            String source = relationship.source();
            String target = relationship.target();
            String type = relationship.type();
            if (source != null && target != null && type != null) {
                types.relationshipType(type).ifPresent(allowed -> tally(EntityNames.normalize(source),
                        EntityNames.normalize(target), allowed, confidence(relationship.confidence())));
            }
        }
    }

    /** The relationships stated, between entities kept, the most often stated first. */
    List<CandidateRelationship> relationships(Set<String> kept, int max) {
        List<CandidateRelationship> related = new ArrayList<>();
        edges.forEach((edge, tally) -> {
            if (kept.contains(edge.source()) && kept.contains(edge.target())) {
                related.add(new CandidateRelationship(edge.source(), edge.target(), edge.type(), (int) tally[0],
                        tally[1]));
            }
        });
        return related.stream().sorted(Comparator.comparingInt(CandidateRelationship::weight).reversed())
                .limit(max).toList();
    }

    private void tally(String source, String target, String type, double confidence) {
        if (!source.equals(target) && EntityNames.isNameLike(source) && EntityNames.isNameLike(target)) {
            double[] tally = edges.computeIfAbsent(new Edge(source, target, type), e -> new double[2]);
            tally[0]++;
            tally[1] = Math.max(tally[1], confidence);
        }
    }

    /** The mentions stated, found again in their chunks; "Hinton" inside "Geoffrey Hinton" is not a second one. */
    private static List<Mention> mentions(Entity entity, Map<Integer, ChunkText> batch, double confidence) {
        List<Mention> found = new ArrayList<>();
        for (MentionText mention : first(entity.mentions(), MAX_MENTIONS)) {
            Integer ordinal = mention.chunk();
            String text = mention.text();
            ChunkText chunk = ordinal == null ? null : batch.get(ordinal);
            if (chunk != null && text != null && !text.isBlank()) {
                found.addAll(find(chunk, text.strip(), confidence));
            }
        }
        Map<Integer, Spans> taken = new HashMap<>();
        List<Mention> longestFirst = found.stream()
                .sorted(Comparator.comparingInt((Mention m) -> m.start() - m.end())).toList();
        List<Mention> apart = new ArrayList<>();
        for (Mention mention : longestFirst) {
            if (taken.computeIfAbsent(mention.chunkOrdinal(), c -> new Spans()).add(mention.start(), mention.end())) {
                apart.add(mention);
            }
        }
        return apart;
    }

    private static List<Mention> find(ChunkText chunk, String text, double confidence) {
        List<Mention> found = new ArrayList<>();
        for (int start : TextSearch.occurrences(chunk.text(), text, MAX_MENTIONS)) {
            int end = start + text.length();
            found.add(new Mention(chunk.ordinal(), start, end, chunk.text().substring(start, end), confidence));
        }
        return found;
    }

    private static double confidence(@Nullable Double stated) {
        return stated == null || !(stated >= 0 && stated <= 1) ? UNSTATED : Math.round(stated * 1000) / 1000.0;
    }

    private static <T> List<T> first(@Nullable List<T> items) {
        return first(items, MAX_ITEMS);
    }

    private static <T> List<T> first(@Nullable List<T> items, int max) {
        return items == null ? List.of() : items.subList(0, Math.min(items.size(), max));
    }
}
