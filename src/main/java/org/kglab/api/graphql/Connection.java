package org.kglab.api.graphql;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.function.Function;

/** A page of a list in the shape of the schema's *Connection types: edges with cursors, and page info. */
record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

    /**
     * @param rows   up to {@code first} + 1 rows; a row beyond {@code first} only says that there is more
     * @param cursor the position of a row, to continue after it
     */
    static <T> Connection<T> of(List<T> rows, int first, Function<T, String> cursor) {
        List<Edge<T>> edges = rows.stream().limit(first).map(row -> new Edge<>(cursor.apply(row), row)).toList();
        return new Connection<>(edges, new PageInfo(rows.size() > first,
                edges.isEmpty() ? null : edges.getLast().cursor()));
    }

    record Edge<T>(String cursor, T node) {
    }

    record PageInfo(boolean hasNextPage, @Nullable String endCursor) {
    }
}
