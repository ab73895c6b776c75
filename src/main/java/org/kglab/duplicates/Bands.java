package org.kglab.duplicates;

/**
 * Locality-sensitive hashing of MinHash signatures: {@value #BANDS} bands of {@value #ROWS} values
 * each, one 64-bit hash per band. Two documents become candidates when any band hash is equal, which
 * happens with probability {@code 1 - (1 - s^7)^16} for Jaccard similarity {@code s}: 0.99997 at 0.9,
 * 0.998 at 0.85, 0.98 at 0.8, 0.75 at 0.7, 0.12 at 0.5 and 0.003 at 0.3 (README, Near-duplicates).
 */
final class Bands {

    static final int BANDS = 16;
    static final int ROWS = MinHash.HASHES / BANDS;

    private Bands() {
    }

    /** The hash of each band, in band order; the band index is part of the hash's key, not of its value. */
    static long[] of(int[] signature) {
        long[] hashes = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long hash = 0x51_7C_C1_B7_27_22_0A_95L;
            for (int row = 0; row < ROWS; row++) {
                hash = (hash ^ (signature[band * ROWS + row] & 0xFFFF_FFFFL)) * 0x9E3779B97F4A7C15L;
                hash = Long.rotateLeft(hash, 31);
            }
            hashes[band] = Shingles.mix(hash);
        }
        return hashes;
    }
}
