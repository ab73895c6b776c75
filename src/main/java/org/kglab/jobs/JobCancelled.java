package org.kglab.jobs;

import org.kglab.platform.Failure;

/** Thrown into running work when its job was cancelled, so that it stops at its next progress report. */
public final class JobCancelled extends Failure {

    JobCancelled(JobId id) {
        super(Kind.CONFLICT, "Job " + id + " was cancelled.");
    }
}
