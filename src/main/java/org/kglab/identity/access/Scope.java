package org.kglab.identity.access;

import java.util.Locale;

/**
 * What a caller may do with data. A signed-in user holds every scope; an API key holds the ones it
 * was created with.
 */
public enum Scope {
    /** Queries: documents, search, the graph. */
    READ,
    /** Changes to existing data, such as deleting a document. */
    WRITE,
    /** Bringing new content in: uploads, URLs, feeds. */
    INGEST;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
