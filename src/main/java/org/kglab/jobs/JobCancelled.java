package org.kglab.jobs;

/** Thrown into running work when its job was cancelled, so that it stops at its next progress report. */
public final class JobCancelled extends RuntimeException {

    JobCancelled(JobId id) {
        super("Job " + id + " was cancelled", null, false, false);
    }
}
