package org.kglab.linking;

import org.kglab.graph.entity.GraphTypesProperties;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * RELATED_TO between entities that occur in one sentence: an undirected relation, written from the name that
 * sorts first to the other, weighted by the number of sentences the two share. Confidence is
 * {@code weight / (weight + 1)}: one shared sentence is a coin toss, and each further one makes chance less likely.
 */
final class CoOccurrence {

    private CoOccurrence() {
    }

    /** @param sentencesByEntity the sentences each entity occurs in, by normalised name */
    static List<CandidateRelationship> relate(Map<String, Set<Integer>> sentencesByEntity, int max) {
        Map<Integer, Set<String>> entitiesBySentence = new TreeMap<>();
        sentencesByEntity.forEach((entity, sentences) -> sentences.forEach(
                sentence -> entitiesBySentence.computeIfAbsent(sentence, s -> new TreeSet<>()).add(entity)));
        Map<String, Map<String, Integer>> weights = new TreeMap<>();
        for (Set<String> together : entitiesBySentence.values()) {
            List<String> names = List.copyOf(together);
            for (int a = 0; a < names.size(); a++) {
                for (int b = a + 1; b < names.size(); b++) {
                    weights.computeIfAbsent(names.get(a), k -> new TreeMap<>()).merge(names.get(b), 1, Integer::sum);
                }
            }
        }
        List<CandidateRelationship> related = new ArrayList<>();
        weights.forEach((source, targets) -> targets.forEach((target, weight) -> related.add(new CandidateRelationship(
                source, target, GraphTypesProperties.RELATED_TO, weight, confidence(weight)))));
        return related.stream().sorted(Comparator.comparingInt(CandidateRelationship::weight).reversed()).limit(max)
                .toList();
    }

    static double confidence(int weight) {
        return Math.round(1000.0 * weight / (weight + 1)) / 1000.0;
    }
}
