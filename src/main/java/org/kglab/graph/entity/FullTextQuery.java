package org.kglab.graph.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A user's search words as a Lucene query for the full-text index: every word must match, as a word or as the
 * start of one. Lucene's syntax is escaped and the words lower-cased (so AND, OR and NOT are words, not
 * operators): a query can never be more than a list of words.
 */
final class FullTextQuery {

    static final int MAX_LENGTH = 200;
    static final int MAX_WORDS = 10;
    private static final Pattern SPECIAL = Pattern.compile("[+\\-&|!(){}\\[\\]^\"~*?:\\\\/]");

    private FullTextQuery() {
    }

    static String of(String query) {
        if (query.length() > MAX_LENGTH) {
            throw new InvalidEntityInput("'query' is " + query.length() + " characters long; the limit is "
                    + MAX_LENGTH + ".");
        }
        String[] words = Names.normalise(query).split(" ");
        if (words.length == 1 && words[0].isEmpty()) {
            throw new InvalidEntityInput("'query' must contain a word.");
        }
        if (words.length > MAX_WORDS) {
            throw new InvalidEntityInput("'query' has " + words.length + " words; the limit is " + MAX_WORDS + ".");
        }
        return Arrays.stream(words)
                .map(word -> escape(word.toLowerCase(Locale.ROOT)))
                .map(word -> "(" + word + " OR " + word + "*)")
                .collect(Collectors.joining(" AND "));
    }

    static String escape(String word) {
        return SPECIAL.matcher(word).replaceAll("\\\\$0");
    }
}
