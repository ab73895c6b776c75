package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.chunks.ChunkService;
import org.kglab.identity.access.Caller;
import org.kglab.jobs.Job;
import org.kglab.jobs.JobKind;
import org.kglab.jobs.JobService;

/**
 * Re-embedding, for administrators: after the embedding model was changed, chunks embedded by another model (or
 * stored without vectors) are outside the configured model's space, and search does not compare them. A
 * re-embedding job ({@link ReembedWork}) brings every such document into it; one runs at a time.
 */
@Singleton
public class Reembedding {

    private final ChunkService chunks;
    private final JobService jobs;

    Reembedding(ChunkService chunks, JobService jobs) {
        this.chunks = chunks;
        this.jobs = jobs;
    }

    /** What an administrator sees of it: the configured model, and how many documents wait to be re-embedded. */
    public record Status(@Nullable String model, long documentsWaiting) {
    }

    /** Queues the re-embedding job, owned by the caller; if one is under way already, that one is the answer. */
    public Job start(Caller caller) {
        caller.requireAdmin();
        return jobs.queueExclusive(caller.id().value(), JobKind.REEMBED);
    }

    public Status status(Caller caller) {
        caller.requireAdmin();
        return new Status(chunks.embeddingModelId(), chunks.countToReembed());
    }
}
