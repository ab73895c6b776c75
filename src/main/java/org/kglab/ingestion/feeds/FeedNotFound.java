package org.kglab.ingestion.feeds;

import org.kglab.platform.Failure;

/** No such feed of the caller's: it does not exist, or belongs to someone else. */
public final class FeedNotFound extends Failure {

    FeedNotFound(String id) {
        super(Kind.NOT_FOUND, "No feed " + id + " of yours.");
    }
}
