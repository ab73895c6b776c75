package org.kglab.duplicates;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generated prose-like texts: words from a small vocabulary with numbers, so texts of other seeds share no shingle. */
public final class SampleTexts {

    private static final String[] VOCABULARY = ("graph node edge entity relation document paper method data "
            + "result model training corpus query index vector search cluster author citation table figure "
            + "section abstract claim evidence study sample protein gene cell network layer weight").split(" ");

    private SampleTexts() {
    }

    public static List<String> words(long seed, int count) {
        var random = new Random(seed);
        List<String> words = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            words.add(VOCABULARY[random.nextInt(VOCABULARY.length)] + random.nextInt(50));
        }
        return words;
    }

    public static String text(long seed, int count) {
        return String.join(" ", words(seed, count));
    }

    /** The text of {@code seed} with a passage of 5% of its words cut out of the middle. */
    public static String withFivePercentCut(long seed, int count) {
        List<String> words = words(seed, count);
        words.subList(count / 2, count / 2 + count / 20).clear();
        return String.join(" ", words);
    }
}
