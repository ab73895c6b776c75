package org.kglab.linking;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised form of an entity's name: the key that two spellings of one entity share within an owner's
 * space. Case, width and runs of whitespace do not count, nor a possessive ending, a leading article, quotes,
 * brackets and other punctuation around or inside words; dashes of every kind count as one hyphen.
 */
final class EntityNames {

    private static final Pattern POSSESSIVE = Pattern.compile("(?:'s|')$");
    private static final Pattern DROPPED = Pattern.compile("[.,;:!?\"'`()\\[\\]{}<>«»]");
    private static final Pattern DASH = Pattern.compile("\\s*\\p{Pd}\\s*");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGES = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}+#]+$");

    private EntityNames() {
    }

    static String normalize(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .replace('\u2019', '\'').replace('\u2018', '\'').strip();
        text = POSSESSIVE.matcher(text).replaceFirst("");
        text = DROPPED.matcher(text).replaceAll("");
        text = DASH.matcher(text).replaceAll("-");
        text = SPACES.matcher(text).replaceAll(" ").toLowerCase(Locale.ROOT);
        text = EDGES.matcher(text).replaceAll("");
        if (text.startsWith("the ") && text.length() > 4) {
            text = text.substring(4);
        }
        return text;
    }

    /** Whether a normalised name can name something: two characters at least, and a letter among them. */
    static boolean isNameLike(String normalized) {
        return normalized.length() >= 2 && normalized.codePoints().anyMatch(Character::isLetter);
    }
}
