package org.kglab.linking;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CoOccurrenceTest {

    @Test
    void countsTheSentencesEachPairShares() {
        Map<String, Set<Integer>> sentences = new LinkedHashMap<>();
        sentences.put("hinton", Set.of(0, 1, 2));
        sentences.put("toronto", Set.of(1, 2));
        sentences.put("lecun", Set.of(0, 5));
        sentences.put("mila", Set.of(7));

        List<CandidateRelationship> related = CoOccurrence.relate(sentences, 100);

        assertThat(related).extracting(CandidateRelationship::source, CandidateRelationship::target,
                        CandidateRelationship::type, CandidateRelationship::weight)
                .containsExactlyInAnyOrder(
                        tuple("hinton", "toronto", "RELATED_TO", 2),
                        tuple("hinton", "lecun", "RELATED_TO", 1));
        assertThat(related.getFirst().weight()).isEqualTo(2);
    }

    @Test
    void writesEachPairOnceFromTheNameThatSortsFirst() {
        List<CandidateRelationship> related = CoOccurrence.relate(
                Map.of("zeta", Set.of(3), "alpha", Set.of(3)), 100);

        assertThat(related).singleElement().satisfies(r -> {
            assertThat(r.source()).isEqualTo("alpha");
            assertThat(r.target()).isEqualTo("zeta");
        });
    }

    @Test
    void everyPairInOneSentenceIsRelated() {
        List<CandidateRelationship> related = CoOccurrence.relate(
                Map.of("a1", Set.of(0), "b1", Set.of(0), "c1", Set.of(0), "d1", Set.of(0)), 100);

        assertThat(related).hasSize(6).allSatisfy(r -> assertThat(r.weight()).isEqualTo(1));
    }

    @Test
    void confidenceGrowsWithTheWeightAndStaysBelowOne() {
        assertThat(CoOccurrence.confidence(1)).isEqualTo(0.5);
        assertThat(CoOccurrence.confidence(3)).isEqualTo(0.75);
        assertThat(CoOccurrence.confidence(9)).isEqualTo(0.9);
        assertThat(CoOccurrence.confidence(1_000_000)).isLessThanOrEqualTo(1.0);
    }

    @Test
    void keepsOnlyTheHeaviestPairsWhenBounded() {
        Map<String, Set<Integer>> sentences = Map.of("a1", Set.of(0, 1, 2), "b1", Set.of(0, 1, 2),
                "c1", Set.of(2), "d1", Set.of(9));

        List<CandidateRelationship> related = CoOccurrence.relate(sentences, 1);

        assertThat(related).singleElement().satisfies(r -> {
            assertThat(r.source() + "-" + r.target()).isEqualTo("a1-b1");
            assertThat(r.weight()).isEqualTo(3);
        });
    }
}
