package org.kglab.sync;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BatchPlanTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();

    private record Entry(long id, UUID aggregate, String type) {
    }

    private static List<List<Entry>> stages(Entry... entries) {
        return BatchPlan.stages(List.of(entries), Entry::aggregate, Entry::type);
    }

    @Test
    void putsDifferentAggregatesIntoOneStage() {
        Entry a = new Entry(1, A, "document");
        Entry b = new Entry(2, B, "document");

        assertThat(stages(a, b)).containsExactly(List.of(a, b));
    }

    @Test
    void keepsOnlyTheLastOfConsecutiveChangesOfOneTypeToOneAggregate() {
        Entry stored = new Entry(1, A, "document");
        Entry other = new Entry(2, B, "document");
        Entry deleted = new Entry(3, A, "document");

        assertThat(stages(stored, other, deleted)).containsExactly(List.of(other, deleted));
    }

    @Test
    void ordersChangesOfOneAggregateOfDifferentTypesIntoSuccessiveStages() {
        Entry stored = new Entry(1, A, "document");
        Entry chunks = new Entry(2, A, "document-chunks");
        Entry otherStored = new Entry(3, B, "document");
        Entry otherChunks = new Entry(4, B, "document-chunks");
        Entry deleted = new Entry(5, A, "document");

        assertThat(stages(stored, chunks, otherStored, otherChunks, deleted)).containsExactly(
                List.of(stored, otherStored),
                List.of(chunks, otherChunks),
                List.of(deleted));
    }

    @Test
    void collapsesOnlyChangesThatFollowEachOther() {
        Entry chunks1 = new Entry(1, A, "document-chunks");
        Entry chunks2 = new Entry(2, A, "document-chunks");
        Entry stored = new Entry(3, A, "document");
        Entry chunks3 = new Entry(4, A, "document-chunks");

        assertThat(stages(chunks1, chunks2, stored, chunks3))
                .containsExactly(List.of(chunks2), List.of(stored), List.of(chunks3));
    }

    @Test
    void plansNothingForNothing() {
        assertThat(stages()).isEmpty();
    }
}
