package org.kglab.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged list: its rows in order, whether more follow, and how to name the
 * position of each row as a cursor (see {@link Cursors}).
 */
public record Page<T>(List<T> rows, boolean hasNextPage, Function<T, String> cursor) {

    public Page {
        rows = List.copyOf(rows);
    }

    /**
     * @param rows   up to {@code first} + 1 rows, as read with a limit of {@code first} + 1; a row beyond
     *               {@code first} only says that there is more
     * @param cursor the position of a row, to continue after it
     */
    public static <T> Page<T> of(List<T> rows, int first, Function<T, String> cursor) {
        return new Page<>(rows.stream().limit(first).toList(), rows.size() > first, cursor);
    }
}
