package org.kglab.jobs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredProgressTest {

    private final List<String> stored = new ArrayList<>();

    @Test
    void storesTheStageAndEveryTenthOfItsWork() {
        var progress = new StoredProgress(JobId.random(), (stage, percent) -> stored.add(stage + " " + percent));

        progress.stage(Stage.CHUNKING);
        for (int done = 1; done <= 1_000; done++) {
            progress.advance(done, 1_000);
        }

        assertThat(stored).containsExactly("CHUNKING 50", "CHUNKING 52", "CHUNKING 54", "CHUNKING 56",
                "CHUNKING 58", "CHUNKING 60", "CHUNKING 62", "CHUNKING 64", "CHUNKING 66", "CHUNKING 68",
                "CHUNKING 70");
    }

    @Test
    void theOneStageOfSingleStageWorkSpansTheWholeJob() {
        var progress = new StoredProgress(JobId.random(), (stage, percent) -> stored.add(stage + " " + percent), true);

        progress.stage(Stage.EMBEDDING);
        for (int done = 1; done <= 4; done++) {
            progress.advance(done, 4);
        }

        assertThat(stored).containsExactly("EMBEDDING 0", "EMBEDDING 25", "EMBEDDING 50", "EMBEDDING 75",
                "EMBEDDING 100");
    }

    @Test
    void eachStageOwnsABandOfTheWholeJob() {
        assertThat(StoredProgress.percentOf(Stage.STORED, 0, 1)).isZero();
        assertThat(StoredProgress.percentOf(Stage.EXTRACTING, 1, 1)).isEqualTo(50);
        assertThat(StoredProgress.percentOf(Stage.EMBEDDING, 1, 2)).isEqualTo(80);
        assertThat(StoredProgress.percentOf(Stage.DONE, 0, 1)).isEqualTo(100);
    }

    @Test
    void stopsTheWorkOnceTheJobIsNoLongerRunning() {
        JobId id = new JobId(UUID.randomUUID());
        var progress = new StoredProgress(id, (stage, percent) -> percent < 20);
        progress.stage(Stage.EXTRACTING);

        assertThatThrownBy(() -> progress.advance(5, 10)).isInstanceOf(JobCancelled.class).hasMessageContaining(
                id.toString());
    }
}
