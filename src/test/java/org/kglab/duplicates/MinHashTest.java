package org.kglab.duplicates;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MinHashTest {

    private static final String[] VOCABULARY = ("graph node edge entity relation document paper method data "
            + "result model training corpus query index vector search cluster author citation table figure "
            + "section abstract claim evidence study sample protein gene cell network layer weight").split(" ");

    @Test
    void identicalTextsHaveSimilarityOne() {
        String text = words(new Random(1), 400);
        assertThat(MinHash.similarity(MinHash.signature(text), MinHash.signature(text))).isEqualTo(1.0);
    }

    @Test
    void normalisationIgnoresCaseSpacingPunctuationAndCompatibilityForms() {
        int[] plain = MinHash.signature("The efficient office of the fine café studies graphs of knowledge today");
        int[] noisy = MinHash.signature("THE  eﬃcient\toffice, of the ﬁne CAFÉ — studies Ｇｒａｐｈｓ of\nknowledge today!");
        assertThat(MinHash.similarity(plain, noisy)).isEqualTo(1.0);
    }

    /**
     * With 5-word shingles, a changed word spoils the five shingles that cover it, so "5% different"
     * depends on how the edit is spread: a 5% passage cut or added, or one word in 200 changed here and
     * there, each leave about 95% of the shingles shared.
     */
    @ParameterizedTest
    @ValueSource(strings = {"cut", "added", "typos"})
    void aFivePercentEditKeepsTheSimilarityAboveTheThresholdAndTheBandsMatch(String edit) {
        var random = new Random(7);
        List<String> original = wordList(random, 2_000);
        List<String> edited = new ArrayList<>(original);
        switch (edit) {
            case "cut" -> edited.subList(900, 1_000).clear();
            case "added" -> edited.addAll(1_200, wordList(new Random(8), 100));
            default -> {
                for (int typo = 0; typo < 10; typo++) {
                    int at = 100 + typo * 190 + random.nextInt(50);
                    edited.set(at, edited.get(at) + "x");
                }
            }
        }
        double exact = jaccard(shingles(original), shingles(edited));
        int[] a = MinHash.signature(String.join(" ", original));
        int[] b = MinHash.signature(String.join(" ", edited));

        assertThat(exact).isBetween(0.9, 0.96);
        assertThat(MinHash.similarity(a, b)).isGreaterThan(MinHash.THRESHOLD).isCloseTo(exact, within(0.06));
        assertThat(sharedBands(a, b)).isPositive();
    }

    @Test
    void unrelatedTextsShareNoBandAndAlmostNoHash() {
        int[] a = MinHash.signature(words(new Random(11), 1_000));
        int[] b = MinHash.signature(words(new Random(12), 1_000));
        assertThat(MinHash.similarity(a, b)).isLessThan(0.1);
        assertThat(sharedBands(a, b)).isZero();
    }

    @Test
    void theEstimateFollowsTheExactJaccardSimilarity() {
        var random = new Random(3);
        List<String> base = wordList(random, 3_000);
        List<String> half = new ArrayList<>(base.subList(0, 1_500));
        half.addAll(wordList(new Random(4), 1_500));
        double exact = jaccard(shingles(base), shingles(half));
        double estimate = MinHash.similarity(MinHash.signature(String.join(" ", base)),
                MinHash.signature(String.join(" ", half)));
        // Standard error sqrt(J(1-J)/112) is about 0.04 here; four of them.
        assertThat(estimate).isCloseTo(exact, within(0.16));
        assertThat(estimate).isLessThan(MinHash.THRESHOLD);
    }

    @Test
    void signaturesAreTheSameOnEveryRunBecauseTheSeedIsFixed() {
        int[] signature = MinHash.signature("knowledge graphs link entities across documents and papers");
        // Pinned: a different value means every stored signature is stale (bump MinHash.SCHEME).
        assertThat(signature).hasSize(MinHash.HASHES);
        assertThat(java.util.Arrays.hashCode(signature)).isEqualTo(PINNED_HASH);
    }

    private static final int PINNED_HASH = -208002618;

    @Test
    void textWithoutWordsHasNoSignature() {
        assertThat(MinHash.signature("")).isNull();
        assertThat(MinHash.signature(" \n\t— !? ")).isNull();
    }

    @Test
    void aShortTextIsOneShingle() {
        assertThat(Shingles.of("just three words", h -> { })).isEqualTo(1);
        assertThat(Shingles.of("one two three four five six", h -> { })).isEqualTo(2);
        assertThat(MinHash.similarity(MinHash.signature("just three words"), MinHash.signature("Just three words."))).isEqualTo(1.0);
    }

    @Test
    void ideographsAreWordsOfTheirOwn() {
        assertThat(Shingles.of("知识图谱连接文档", h -> { })).isEqualTo(4);
    }

    @Test
    void bandsCoverTheSignatureExactly() {
        assertThat(Bands.BANDS * Bands.ROWS).isEqualTo(MinHash.HASHES);
        assertThat(Bands.of(MinHash.signature(words(new Random(5), 50)))).hasSize(Bands.BANDS);
    }

    @Test
    void oneChangedValueChangesOnlyItsOwnBand() {
        int[] signature = MinHash.signature(words(new Random(6), 300));
        int[] changed = signature.clone();
        changed[Bands.ROWS * 3 + 2]++;
        long[] before = Bands.of(signature);
        long[] after = Bands.of(changed);
        for (int band = 0; band < Bands.BANDS; band++) {
            assertThat(after[band] == before[band]).as("band " + band).isEqualTo(band != 3);
        }
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    private static long sharedBands(int[] a, int[] b) {
        long[] x = Bands.of(a);
        long[] y = Bands.of(b);
        long shared = 0;
        for (int i = 0; i < x.length; i++) {
            if (x[i] == y[i]) {
                shared++;
            }
        }
        return shared;
    }

    static String words(Random random, int count) {
        return String.join(" ", wordList(random, count));
    }

    private static List<String> wordList(Random random, int count) {
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(VOCABULARY[random.nextInt(VOCABULARY.length)] + random.nextInt(50));
        }
        return words;
    }

    private static Set<String> shingles(List<String> words) {
        Set<String> shingles = new HashSet<>();
        for (int i = 0; i + Shingles.SIZE <= words.size(); i++) {
            shingles.add(String.join(" ", words.subList(i, i + Shingles.SIZE)));
        }
        return shingles;
    }

    private static double jaccard(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / union.size();
    }
}
