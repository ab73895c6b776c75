package org.kglab.jobs;

import org.kglab.platform.Failure;

/** The job is not in a state that allows the change: only a dead or cancelled job is retried, for instance. */
public final class JobStateConflict extends Failure {

    JobStateConflict(String message) {
        super(Kind.CONFLICT, message);
    }
}
