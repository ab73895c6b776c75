package org.kglab.jobs;

import java.util.Set;

/**
 * The work behind jobs of some kinds, supplied by the feature that owns it (ingestion). The runner calls
 * {@link #run} for each attempt and one of the other methods inside the transaction that ends or requeues the
 * job, so that the job's state and the work's own records change together.
 */
public interface JobWork {

    Set<JobKind> kinds();

    /**
     * Whether the work is one stage only, whose share done is then the job's whole percentage (a re-embedding
     * is all embedding), rather than that stage's band of an ingestion.
     */
    default boolean singleStage() {
        return false;
    }

    /**
     * One attempt. It may commit intermediate results, but it must be safe to run again from the start: an
     * attempt cut off by a crash is repeated. A {@link org.kglab.platform.Failure} of a kind that retrying
     * cannot fix (unprocessable, unsupported, too large, bad request, not found) ends the job at once; anything else is
     * retried while attempts remain.
     */
    void run(Job job, Progress progress);

    /** In the transaction that marks the job SUCCEEDED. */
    void succeeded(Job job);

    /** In the transaction that marks the job DEAD or CANCELLED; {@code reason} is for the user. */
    void gaveUp(Job job, String reason);

    /** In the transaction that queues a dead or cancelled job again. */
    void requeued(Job job);
}
