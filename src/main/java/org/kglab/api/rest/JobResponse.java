package org.kglab.api.rest;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.kglab.jobs.Job;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.JobState;
import org.kglab.jobs.Stage;

import java.time.Instant;

/** A job as REST clients see it. */
@Serdeable
@Schema(name = "Job", description = "An ingestion job")
record JobResponse(
        String id,
        @Nullable String documentId,
        JobKind kind,
        @Schema(description = "QUEUED, RUNNING, SUCCEEDED, FAILED (an attempt failed; it is retried at "
                + "nextAttemptAt), DEAD (no attempt left, or a failure retrying cannot fix), CANCELLED")
        JobState state,
        @Schema(description = "STORED, EXTRACTING, CHUNKING, EMBEDDING, PROJECTING, DONE") Stage stage,
        @Schema(description = "0..100 over the whole job") int percent,
        int attempt,
        int maxAttempts,
        @Schema(description = "Why the last attempt failed") @Nullable String error,
        @Nullable Instant nextAttemptAt,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    static JobResponse of(Job job) {
        return new JobResponse(job.id().toString(), job.documentId() == null ? null : job.documentId().toString(),
                job.kind(), job.state(), job.stage(), job.percent(), job.attempt(), job.maxAttempts(), job.error(),
                job.nextAttemptAt(), job.createdAt(), job.startedAt(), job.finishedAt());
    }
}
