package org.kglab.linking;

import org.kglab.linking.OpenNlpModels.Token;

import java.util.Locale;
import java.util.Set;

/** What a tagged token can be part of: a name, a connector inside a name, or a noun phrase. */
final class TokenShapes {

    /** Particles inside names of people and places: Ludwig van Beethoven, Rio de Janeiro. */
    private static final Set<String> PARTICLES = Set.of("de", "van", "von", "der", "da", "del");
    /**
     * Words after which "of" or "for" continues a name (University of Toronto, Institute for Advanced Study)
     * rather than starting a complement ("the Graph Attention Network of Veličković et al.").
     */
    private static final Set<String> OF_HEADS = Set.of("university", "institute", "institutes", "department",
            "ministry", "school", "college", "academy", "bank", "organization", "organisation", "society",
            "association", "council", "center", "centre", "laboratory", "museum", "journal", "proceedings", "board",
            "office", "republic", "kingdom", "states", "federation", "union", "foundation", "agency", "commission",
            "committee", "league", "church", "sea", "gulf", "isle", "cape", "lake", "mount", "bay");
    /** Words after which "on" continues a name: Intergovernmental Panel on Climate Change. */
    private static final Set<String> ON_HEADS = Set.of("panel", "conference", "workshop", "symposium", "committee",
            "commission", "convention", "council", "treaty");
    /** Capitalised words that the tagger calls proper nouns but that name nothing a graph wants. */
    private static final Set<String> NOT_NAMES = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "figure", "fig", "table", "section", "eq", "equation", "appendix",
            "chapter", "i", "mr", "mrs", "ms", "dr", "prof", "professor", "et", "al");
    /** Adjectives that open a noun phrase without belonging to the concept's name. */
    private static final Set<String> GENERIC = Set.of("such", "other", "many", "several", "various", "different",
            "same", "new", "novel", "first", "second", "third", "previous", "recent", "each", "more", "most",
            "further", "additional", "own", "certain", "few", "large", "small", "main", "key", "important", "good",
            "better", "best", "high", "low", "higher", "lower", "similar", "specific", "whole", "entire", "single");

    private TokenShapes() {
    }

    /** The tag without the part a contraction adds: "Google's" is tagged PROPN+PART. */
    static String tag(Token token) {
        int plus = token.tag().indexOf('+');
        return plus < 0 ? token.tag() : token.tag().substring(0, plus);
    }

    /**
     * A proper noun, or a noun or adjective written like a name: an acronym (BERT), a word with an inner capital
     * (ImageNet), or a capitalised word that does not open the sentence. The tagger, trained on web text, calls
     * many names of research artefacts common nouns.
     */
    static boolean isName(Token token, boolean opensSentence) {
        String text = token.text();
        if (!text.codePoints().anyMatch(Character::isLetter) || NOT_NAMES.contains(bare(text))) {
            return false;
        }
        String tag = tag(token);
        if (tag.equals("PROPN")) {
            return true;
        }
        if (!Set.of("NOUN", "ADJ", "X", "NUM").contains(tag)) {
            return false;
        }
        boolean acronymOrInnerCapital = text.codePoints().skip(1).anyMatch(Character::isUpperCase);
        boolean capitalised = Character.isUpperCase(text.codePointAt(0));
        return acronymOrInnerCapital || capitalised && !opensSentence && !tag.equals("NUM");
    }

    /** Whether {@code token}, after {@code previous} in a run of names, joins it to the name that follows. */
    static boolean isConnector(Token token, Token previous) {
        String head = bare(previous.text());
        return switch (token.text()) {
            case "of", "for" -> OF_HEADS.contains(head);
            case "on" -> ON_HEADS.contains(head);
            default -> PARTICLES.contains(token.text());
        };
    }

    /** A capitalised word written like any other, without an inner capital: a name only by its tag. */
    static boolean isPlainCapitalised(Token token) {
        String text = token.text();
        return Character.isUpperCase(text.codePointAt(0))
                && text.codePoints().skip(1).noneMatch(Character::isUpperCase);
    }

    /**
     * A lower-case noun or adjective that can be part of a noun phrase; capitalised only where it opens the
     * sentence ("Stochastic gradient descent remains...").
     */
    static boolean isPhraseWord(Token token, boolean opensSentence) {
        String tag = tag(token);
        String text = token.text();
        boolean lowerCase = Character.isLowerCase(text.codePointAt(0))
                || opensSentence && isPlainCapitalised(token);
        return (tag.equals("NOUN") || tag.equals("ADJ")) && text.length() > 1 && lowerCase
                && text.codePoints().allMatch(TokenShapes::wordChar);
    }

    static boolean isGeneric(Token token) {
        return GENERIC.contains(token.text());
    }

    static boolean isNoun(Token token) {
        return tag(token).equals("NOUN");
    }

    /** How many characters of a name token are a possessive ending ('s or '), which the mention leaves out. */
    static int possessiveLength(Token token) {
        String text = token.text().replace('\u2019', '\'');
        if (text.endsWith("'s") && text.length() > 2) {
            return 2;
        }
        return text.endsWith("'") && text.length() > 1 ? 1 : 0;
    }

    static String bare(String text) {
        return text.replace(".", "").toLowerCase(Locale.ROOT);
    }

    private static boolean wordChar(int c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
