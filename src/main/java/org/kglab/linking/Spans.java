package org.kglab.linking;

import java.util.Map;
import java.util.TreeMap;

/** Spans of a text that do not overlap: each character belongs to one mention at most. */
final class Spans {

    private final TreeMap<Integer, Integer> endByStart = new TreeMap<>();

    /** Takes {@code [start, end)} if no span taken overlaps it; says whether it did. */
    boolean add(int start, int end) {
        Map.Entry<Integer, Integer> before = endByStart.floorEntry(end - 1);
        if (before != null && before.getValue() > start) {
            return false;
        }
        endByStart.put(start, end);
        return true;
    }
}
