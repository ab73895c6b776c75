package org.kglab.sync;

/** The kinds of outbox entries; the names are stored, so they never change. */
enum EventType {
    DOCUMENT_STORED,
    DOCUMENT_DELETED,
    /** A document's chunks were replaced; its aggregate version is the document's chunk version. */
    CHUNKS_REPLACED;

    static final String DOCUMENT = "document";
}
