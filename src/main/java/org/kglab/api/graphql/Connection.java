package org.kglab.api.graphql;

import org.jspecify.annotations.Nullable;
import org.kglab.platform.paging.Page;

import java.util.List;

/** A page of a list in the shape of the schema's *Connection types: edges with cursors, and page info. */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    static <T> Connection<T> of(Page<T> page) {
        List<Edge<T>> edges = page.rows().stream().map(row -> new Edge<>(page.cursor().apply(row), row)).toList();
        return new Connection<>(edges, new PageInfo(page.hasNextPage(),
                edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    record Edge<T>(String cursor, T node) {
    }

    record PageInfo(boolean hasNextPage, @Nullable String endCursor) {
    }
}
