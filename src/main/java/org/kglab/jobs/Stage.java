package org.kglab.jobs;

/** The steps of an ingestion, in order. */
public enum Stage {
    STORED,
    EXTRACTING,
    CHUNKING,
    EMBEDDING,
    PROJECTING,
    DONE
}
