package org.kglab.sync;

/** The kinds of outbox entries; the names are stored, so they never change. */
enum EventType {
    DOCUMENT_STORED,
    DOCUMENT_DELETED;

    static final String DOCUMENT = "document";
}
