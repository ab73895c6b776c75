package org.kglab.documents;

import org.kglab.platform.paging.Cursors;

/** A keyset position in the newest-first document order: the (created_at, id) of the last row a client saw. */
final class DocumentCursor {

    private DocumentCursor() {
    }

    static String of(Document document) {
        return Cursors.encode(document.createdAt(), document.id());
    }

    static Cursors.TimeAndId decode(String cursor) {
        return Cursors.timeAndId(cursor).orElseThrow(() -> new InvalidCursor(cursor));
    }
}
