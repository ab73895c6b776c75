package org.kglab.jobs;

/**
 * Where a job is in its life. FAILED means an attempt failed and another is scheduled; DEAD means no
 * attempt is left, or the failure is one that retrying cannot fix.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    DEAD,
    CANCELLED;

    public boolean terminal() {
        return this == SUCCEEDED || this == DEAD || this == CANCELLED;
    }
}
