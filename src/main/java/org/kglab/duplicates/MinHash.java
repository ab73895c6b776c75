package org.kglab.duplicates;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * MinHash signatures of word shingles, and the Jaccard similarity they estimate. Each of the
 * {@value #HASHES} hash functions is {@code (a * x + b) >>> 32} over a shingle's 64-bit hash {@code x}
 * (already well mixed), with {@code a} odd; the coefficients come from a fixed seed, so that every
 * instance, before and after a restart, computes the same signature for the same text. Changing the
 * seed, the hash count or the shingling changes every signature: bump {@link #SCHEME} and recompute.
 */
final class MinHash {

    static final int HASHES = 112;
    /** Stored with each signature: which shingling, seed and hash count produced it. */
    static final short SCHEME = 1;
    /** Linked above this estimated similarity (strictly). */
    static final double THRESHOLD = 0.9;

    private static final long SEED = 0x6B676C61622D6D68L;
    private static final long[] A = new long[HASHES];
    private static final long[] B = new long[HASHES];

    static {
        var random = new SplittableRandom(SEED);
        for (int i = 0; i < HASHES; i++) {
            A[i] = random.nextLong() | 1L;
            B[i] = random.nextLong();
        }
    }

    private MinHash() {
    }

    /** The signature of a text, or null when it has no word at all. */
    static int @Nullable [] signature(CharSequence text) {
        long[] minima = new long[HASHES];
        Arrays.fill(minima, Long.MAX_VALUE);
        long shingles = Shingles.of(text, x -> {
            for (int i = 0; i < HASHES; i++) {
                long h = (A[i] * x + B[i]) >>> 32;
                if (h < minima[i]) {
                    minima[i] = h;
                }
            }
        });
        if (shingles == 0) {
            return null;
        }
        int[] signature = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            signature[i] = (int) minima[i];
        }
        return signature;
    }

    /** The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity. */
    static double similarity(int[] a, int[] b) {
        if (a.length != HASHES || b.length != HASHES) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / HASHES;
    }
}
