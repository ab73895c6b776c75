package org.kglab.documents;

/** Where a document is in ingestion: visible from the start, readable in full once READY. */
public enum DocumentStatus {
    PROCESSING,
    READY,
    FAILED
}
