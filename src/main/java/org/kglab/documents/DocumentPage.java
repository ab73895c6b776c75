package org.kglab.documents;

import java.util.List;

/** One page of documents in newest-first order. */
public record DocumentPage(List<Entry> entries, boolean hasNextPage) {

    public record Entry(String cursor, Document document) {
    }

    public @org.jspecify.annotations.Nullable String endCursor() {
        return entries.isEmpty() ? null : entries.getLast().cursor();
    }
}
