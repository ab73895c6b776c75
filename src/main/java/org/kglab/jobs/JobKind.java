package org.kglab.jobs;

/** Where the content of a job comes from. */
public enum JobKind {
    UPLOAD,
    URL,
    FEED_ITEM,
    REEMBED;

    /** Whether a job of this kind ingests one document, which it needs in order to run. */
    public boolean ingestsADocument() {
        return this != REEMBED;
    }

    /** Whether at most one job of this kind may be under way at a time (queued, running or waiting to retry). */
    public boolean exclusive() {
        return this == REEMBED;
    }
}
