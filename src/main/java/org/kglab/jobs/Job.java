package org.kglab.jobs;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One ingestion as its owner sees it.
 *
 * @param attempt       attempts started so far (a crash during one counts)
 * @param percent       0..100 over the whole job
 * @param error         why the last attempt failed, in words for the user; null while all is well
 * @param nextAttemptAt when a FAILED job is tried again
 */
@MappedEntity("ingestion_jobs")
public record Job(
        @Id UUID id,
        UUID ownerId,
        @Nullable UUID documentId,
        JobKind kind,
        JobState state,
        int attempt,
        int maxAttempts,
        Stage stage,
        int percent,
        @Nullable String error,
        @Nullable Instant nextAttemptAt,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public JobId jobId() {
        return new JobId(id);
    }
}
