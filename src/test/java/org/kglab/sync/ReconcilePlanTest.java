package org.kglab.sync;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilePlanTest {

    private final ReconcilePlan plan = new ReconcilePlan(Set.of("document-chunks", "document"));

    @Test
    void checksEveryTypesRowsBeforeAnyNodesAndDocumentsBeforeTheirChunks() {
        List<String> names = new ArrayList<>();
        Optional<ReconcilePlan.Phase> phase = Optional.of(plan.first());
        while (phase.isPresent()) {
            names.add(phase.get().name());
            phase = plan.next(phase.get());
        }

        assertThat(names).containsExactly("rows:document", "rows:document-chunks", "nodes:document",
                "nodes:document-chunks", "strays");
    }

    @Test
    void resumesAtTheNamedPhase() {
        assertThat(plan.phase("nodes:document")).isEqualTo(new ReconcilePlan.Phase(ReconcilePlan.Kind.NODES,
                "document"));
    }

    @Test
    void startsOverWhenTheNamedPhaseNoLongerExists() {
        assertThat(plan.phase("rows:mention")).isEqualTo(plan.first());
    }

    @Test
    void withoutTypesOnlyStraysAreChecked() {
        ReconcilePlan empty = new ReconcilePlan(List.of());

        assertThat(empty.first().name()).isEqualTo("strays");
        assertThat(empty.next(empty.first())).isEmpty();
    }
}
