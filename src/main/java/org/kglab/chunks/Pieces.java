package org.kglab.chunks;

import org.kglab.embedding.ApproximateTokens;

import java.util.Arrays;

/** The token pieces of one section: their spans and the running sum of their estimated tokens. */
final class Pieces {

    private int[] starts = new int[64];
    private int[] ends = new int[64];
    /** tokensBefore[i] is the tokens of pieces 0..i-1. */
    private int[] tokensBefore = new int[65];
    private int size;

    private Pieces() {
    }

    static Pieces of(String text, int from, int to) {
        var pieces = new Pieces();
        ApproximateTokens.scan(text, from, to, pieces::add);
        return pieces;
    }

    private void add(int start, int end, int tokens) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            tokensBefore = Arrays.copyOf(tokensBefore, size * 2 + 1);
        }
        starts[size] = start;
        ends[size] = end;
        tokensBefore[size + 1] = tokensBefore[size] + tokens;
        size++;
    }

    int size() {
        return size;
    }

    int start(int piece) {
        return starts[piece];
    }

    int end(int piece) {
        return ends[piece];
    }

    int tokens(int from, int to) {
        return tokensBefore[to] - tokensBefore[from];
    }

    /**
     * The end (exclusive) of the longest run from {@code from} within {@code budget} tokens and
     * {@code maxChars} characters; at least one piece.
     */
    int furthest(int from, int budget, int maxChars) {
        int to = from + 1;
        while (to < size && tokensBefore[to + 1] - tokensBefore[from] <= budget
                && ends[to] - starts[from] <= maxChars) {
            to++;
        }
        return to;
    }

    /** The first piece of the last run of {@code budget} tokens that ends at {@code to}. */
    int backFrom(int to, int budget) {
        int from = to;
        while (from > 0 && tokensBefore[to] - tokensBefore[from - 1] <= budget) {
            from--;
        }
        return from;
    }

    /** The last piece in [from, to] that follows a blank line, or -1. */
    int lastParagraphStart(String text, int from, int to) {
        for (int i = Math.min(to, size - 1); i >= Math.max(from, 1); i--) {
            if (blankLineBetween(text, ends[i - 1], starts[i])) {
                return i;
            }
        }
        return -1;
    }

    /** The end (exclusive) of the last sentence ending in pieces [from, to), or -1. */
    int lastSentenceEnd(String text, int from, int to) {
        for (int i = to - 1; i >= Math.max(from, 0); i--) {
            char last = text.charAt(ends[i] - 1);
            if ((last == '.' || last == '!' || last == '?')
                    && (ends[i] == text.length() || Character.isWhitespace(text.charAt(ends[i])))) {
                return i + 1;
            }
        }
        return -1;
    }

    private static boolean blankLineBetween(String text, int from, int to) {
        int newlines = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n' && ++newlines == 2) {
                return true;
            }
        }
        return false;
    }
}
