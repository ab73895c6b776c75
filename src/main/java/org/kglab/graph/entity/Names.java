package org.kglab.graph.entity;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised form of an entity's name, under which one owner's spellings of the same name meet: Unicode
 * compatibility form, accents and case folded, punctuation dropped, runs of spaces made one.
 */
final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}&&[^+#]]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Names() {
    }

    static String normalise(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD);
        folded = MARKS.matcher(folded).replaceAll("");
        folded = PUNCTUATION.matcher(folded).replaceAll(" ");
        folded = SPACES.matcher(folded).replaceAll(" ").strip();
        return Normalizer.normalize(folded.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
    }

    /** A name stripped of surrounding and repeated spaces, as it is kept for display. */
    static String tidy(String name) {
        return SPACES.matcher(name).replaceAll(" ").strip();
    }
}
