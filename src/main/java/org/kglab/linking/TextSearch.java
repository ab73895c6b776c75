package org.kglab.linking;

import java.util.ArrayList;
import java.util.List;

/** Where a name occurs in a text as a whole word or words, never inside a longer word. */
final class TextSearch {

    private final String text;
    private final String folded;

    TextSearch(String text) {
        this.text = text;
        this.folded = fold(text);
    }

    /**
     * The start of each occurrence of {@code name}, at most {@code max}: of the exact spelling, or ignoring case
     * if the exact spelling occurs nowhere.
     */
    static List<Integer> occurrences(String text, String name, int max) {
        TextSearch search = new TextSearch(text);
        List<Integer> exact = search.exact(name, max);
        return exact.isEmpty() ? search.ignoringCase(name, max) : exact;
    }

    List<Integer> exact(String name, int max) {
        return find(text, name, max);
    }

    List<Integer> ignoringCase(String name, int max) {
        return find(folded, fold(name), max);
    }

    private List<Integer> find(String haystack, String name, int max) {
        List<Integer> starts = new ArrayList<>();
        if (name.isEmpty()) {
            return starts;
        }
        int at = haystack.indexOf(name);
        while (at >= 0 && starts.size() < max) {
            if (bounded(at, at + name.length())) {
                starts.add(at);
                at = haystack.indexOf(name, at + name.length());
            } else {
                at = haystack.indexOf(name, at + 1);
            }
        }
        return starts;
    }

    private boolean bounded(int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    /** Lower case, character by character, so that offsets into the folded text are offsets into the text. */
    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }
}
