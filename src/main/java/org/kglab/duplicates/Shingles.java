package org.kglab.duplicates;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The word shingles of a text, as 64-bit hashes, produced in one pass without holding the shingles.
 * Words are runs of letters, digits and combining marks, normalised (Unicode NFKC, lower case), so that
 * punctuation, spacing, case and compatibility forms (ligatures, full-width letters) do not count as
 * differences. Ideographs and kana stand for a word each, since those scripts do not separate words.
 * A text of fewer than {@link #SIZE} words is one shingle of all its words.
 */
final class Shingles {

    /** Words per shingle. */
    static final int SIZE = 5;

    private Shingles() {
    }

    /** Calls {@code sink} with each shingle's hash (duplicates included); returns how many there were. */
    static long of(CharSequence text, LongConsumer sink) {
        long[] window = new long[SIZE];
        long words = 0;
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = Character.codePointAt(text, i);
            if (!isWordPart(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            if (standsAlone(cp)) {
                i += Character.charCount(cp);
            } else {
                while (i < length) {
                    int next = Character.codePointAt(text, i);
                    if (!isWordPart(next) || standsAlone(next)) {
                        break;
                    }
                    i += Character.charCount(next);
                }
            }
            window[(int) (words % SIZE)] = wordHash(text, start, i);
            words++;
            if (words >= SIZE) {
                sink.accept(shingleHash(window, words));
            }
        }
        if (words > 0 && words < SIZE) {
            sink.accept(shingleHash(window, words));
            return 1;
        }
        return Math.max(0, words - SIZE + 1);
    }

    /** The hash of the last {@code min(words, SIZE)} words, in order, ending with the newest. */
    private static long shingleHash(long[] window, long words) {
        int count = (int) Math.min(words, SIZE);
        long hash = 0x2545F4914F6CDD1DL;
        for (long w = words - count; w < words; w++) {
            hash = (hash ^ window[(int) (w % SIZE)]) * 0x9E3779B97F4A7C15L;
            hash = Long.rotateLeft(hash, 29);
        }
        return mix(hash);
    }

    private static long wordHash(CharSequence text, int start, int end) {
        CharSequence word = text.subSequence(start, end);
        if (!isAscii(word)) {
            word = Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        }
        long hash = 0xCBF29CE484222325L; // FNV-1a
        for (int k = 0; k < word.length(); k++) {
            char c = word.charAt(k);
            hash = (hash ^ (c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c)) * 0x100000001B3L;
        }
        return mix(hash);
    }

    private static boolean isAscii(CharSequence word) {
        for (int k = 0; k < word.length(); k++) {
            if (word.charAt(k) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordPart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK
                || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static boolean standsAlone(int cp) {
        if (cp < 0x2E80) {
            return false;
        }
        if (Character.isIdeographic(cp)) {
            return true;
        }
        UnicodeScript script = UnicodeScript.of(cp);
        return script == UnicodeScript.HIRAGANA || script == UnicodeScript.KATAKANA;
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    static long mix(long value) {
        long h = value;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE1A85A53L;
        h ^= h >>> 33;
        return h;
    }
}
