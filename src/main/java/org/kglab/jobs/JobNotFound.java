package org.kglab.jobs;

import org.kglab.platform.Failure;

/** No job with this id, or none the caller may see. */
public final class JobNotFound extends Failure {

    JobNotFound(String id) {
        super(Kind.NOT_FOUND, "No job with id " + (id.length() <= 64 ? id : id.substring(0, 64) + "…") + ".");
    }
}
