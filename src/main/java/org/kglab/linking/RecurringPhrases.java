package org.kglab.linking;

import org.kglab.linking.CandidateSpans.Found;
import org.kglab.linking.CandidateSpans.PhraseRun;
import org.kglab.linking.OpenNlpModels.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The noun phrases that recur in a document, as concepts: a phrase seen once is as likely an accident of wording.
 * Each part of a run that ends in a noun counts, so that "deep learning" recurs in "deep learning" and "the deep
 * learning boom"; each run then names the longest part of it that recurs (the leftmost of equals), if any.
 */
final class RecurringPhrases {

    /** Longer parts are not looked at: a concept's name is short, and a run of nouns can be long. */
    static final int MAX_WORDS = 6;

    private RecurringPhrases() {
    }

    static List<Found> select(List<PhraseRun> runs, int minOccurrences) {
        Map<String, Integer> counts = new HashMap<>();
        for (PhraseRun run : runs) {
            forEachPart(run.tokens(), (from, to) -> counts.merge(key(run.tokens(), from, to), 1, Integer::sum));
        }
        List<Found> found = new ArrayList<>();
        for (PhraseRun run : runs) {
            List<Token> tokens = run.tokens();
            int[] best = {-1, -1};
            forEachPart(tokens, (from, to) -> {
                boolean longer = to - from > best[1] - best[0];
                if (longer && counts.getOrDefault(key(tokens, from, to), 0) >= minOccurrences) {
                    best[0] = from;
                    best[1] = to;
                }
            });
            if (best[0] >= 0) {
                List<Token> part = tokens.subList(best[0], best[1]);
                found.add(new Found(run.sentence(), part.getFirst().start(), part.getLast().end(), false,
                        CandidateSpans.confidence(part), EntityTypeGuess.ofPhrase(part), false));
            }
        }
        return found;
    }

    private interface Part {
        void accept(int from, int to);
    }

    /** Every part of two words or more that ends in a noun and opens with no generic word, leftmost first. */
    private static void forEachPart(List<Token> tokens, Part part) {
        for (int from = 0; from < tokens.size(); from++) {
            if (TokenShapes.isGeneric(tokens.get(from))) {
                continue;
            }
            for (int to = from + 2; to <= Math.min(tokens.size(), from + MAX_WORDS); to++) {
                if (TokenShapes.isNoun(tokens.get(to - 1))) {
                    part.accept(from, to);
                }
            }
        }
    }

    private static String key(List<Token> tokens, int from, int to) {
        StringBuilder words = new StringBuilder();
        for (int k = from; k < to; k++) {
            words.append(k > from ? " " : "").append(tokens.get(k).text());
        }
        return EntityNames.normalize(words.toString());
    }
}
