package org.kglab.jobs;

/** Where the content of a job comes from. */
public enum JobKind {
    UPLOAD,
    URL,
    FEED_ITEM,
    REEMBED
}
