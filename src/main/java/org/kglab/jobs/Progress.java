package org.kglab.jobs;

/**
 * How a running job reports where it is. A step calls {@link #stage} when it starts and {@link #advance} as
 * it goes; reports are stored (and streamed to watchers) at least at every tenth of a stage's work.
 * A report also checks for cancellation: it throws {@link JobCancelled} once the job was cancelled, so
 * that the work stops at its next report.
 */
public interface Progress {

    void stage(Stage stage);

    /** {@code done} of {@code total} units of the current stage's work are finished. */
    void advance(long done, long total);
}
