package org.kglab.embedding;

/**
 * A cheap, deterministic estimate of how many WordPiece tokens (the tokenizers of BERT-family embedding
 * models) a text has, with the character span of each piece. It splits like BERT's pre-tokenizer, on
 * whitespace and around every punctuation mark or symbol, then counts a word as one token per six letters
 * (per three digits), rounded up; every other character (punctuation, CJK) is a token of its own. On English
 * prose it overestimates BGE's tokenizer by about a tenth, so chunks cut by it stay inside the model's window.
 * Runs of letters longer than {@value #MAX_PIECE_CHARS} characters are split, so that no piece is unbounded.
 */
public final class ApproximateTokens {

    static final int MAX_PIECE_CHARS = 24;

    private ApproximateTokens() {
    }

    /** Receives each piece of a scan: its character span and its estimated tokens. */
    @FunctionalInterface
    public interface Pieces {
        void piece(int start, int end, int tokens);
    }

    public static int count(CharSequence text) {
        int[] total = {0};
        scan(text, 0, text.length(), (start, end, tokens) -> total[0] += tokens);
        return total[0];
    }

    /** Reports the pieces of {@code text[from, to)} in order; whitespace belongs to no piece. */
    public static void scan(CharSequence text, int from, int to, Pieces pieces) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                i++;
            } else if (Character.isLetter(c) && !isIdeograph(c) || Character.isDigit(c)) {
                int start = i;
                boolean digits = Character.isDigit(c);
                while (i < to && i - start < MAX_PIECE_CHARS && isWordChar(text.charAt(i))) {
                    i++;
                }
                int length = i - start;
                pieces.piece(start, i, digits ? (length + 2) / 3 : (length + 5) / 6);
            } else {
                int start = i;
                i += Character.isHighSurrogate(c) && i + 1 < to ? 2 : 1;
                pieces.piece(start, i, 1);
            }
        }
    }

    private static boolean isWordChar(char c) {
        return (Character.isLetter(c) && !isIdeograph(c)) || Character.isDigit(c)
                || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isIdeograph(char c) {
        return Character.isIdeographic(c) || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA;
    }
}
