package org.kglab.linking;

import org.jspecify.annotations.Nullable;
import org.kglab.linking.OpenNlpModels.Sentence;
import org.kglab.linking.OpenNlpModels.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The spans of tagged text that may name an entity. Names are runs of proper nouns, acronyms and capitalised
 * words inside a sentence, joined by the few connectors that sit inside names ("of" after "University"), never
 * by "and", which far more often joins two names than sits inside one. Phrases are runs of adjectives and nouns
 * ending in a noun, generic openers such as "several" left out; which part of a phrase names a concept is decided
 * by {@link RecurringPhrases}.
 */
final class CandidateSpans {

    /**
     * A name in the sentence with index {@code sentence}; {@code type} is a guess or null. {@code opener} marks a
     * lone capitalised word that opens its sentence, a name only if the document uses it as one elsewhere.
     */
    record Found(int sentence, int start, int end, boolean name, double confidence, @Nullable String type,
                 boolean opener) {
    }

    /** Adjectives and nouns in a row, ending in a noun, in the sentence with index {@code sentence}. */
    record PhraseRun(int sentence, List<Token> tokens) {
    }

    private CandidateSpans() {
    }

    static List<Found> names(List<Sentence> sentences) {
        List<Found> found = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            names(s, sentences.get(s).tokens(), found);
        }
        return found;
    }

    static List<PhraseRun> phrases(List<Sentence> sentences) {
        List<PhraseRun> runs = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            phrases(s, sentences.get(s).tokens(), runs);
        }
        return runs;
    }

    private static void names(int sentence, List<Token> tokens, List<Found> found) {
        int i = 0;
        while (i < tokens.size()) {
            if (!TokenShapes.isName(tokens.get(i), i == 0)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < tokens.size() && TokenShapes.possessiveLength(tokens.get(j - 1)) == 0) {
                if (TokenShapes.isName(tokens.get(j), false)) {
                    j++;
                } else if (j + 1 < tokens.size() && TokenShapes.isConnector(tokens.get(j), tokens.get(j - 1))
                        && TokenShapes.isName(tokens.get(j + 1), false)) {
                    j += 2;
                } else {
                    break;
                }
            }
            Token last = tokens.get(j - 1);
            int end = last.end() - TokenShapes.possessiveLength(last);
            boolean opener = i == 0 && j == 1 && TokenShapes.isPlainCapitalised(last);
            found.add(new Found(sentence, tokens.get(i).start(), end, true, confidence(tokens.subList(i, j)),
                    EntityTypeGuess.ofName(tokens, i, j), opener));
            i = j;
        }
    }

    private static void phrases(int sentence, List<Token> tokens, List<PhraseRun> runs) {
        int i = 0;
        while (i < tokens.size()) {
            if (!TokenShapes.isPhraseWord(tokens.get(i), i == 0)) {
                i++;
                continue;
            }
            int j = i;
            while (j < tokens.size() && TokenShapes.isPhraseWord(tokens.get(j), j == 0)) {
                j++;
            }
            int from = i;
            while (from < j && TokenShapes.isGeneric(tokens.get(from))) {
                from++;
            }
            int to = j;
            while (to > from && !TokenShapes.isNoun(tokens.get(to - 1))) {
                to--;
            }
            if (to - from >= 2) {
                runs.add(new PhraseRun(sentence, tokens.subList(from, to)));
            }
            i = j;
        }
    }

    /** The tagger's least sure tag in the span: a name is as sure as its weakest word. */
    static double confidence(List<Token> tokens) {
        double least = 1;
        for (Token token : tokens) {
            least = Math.min(least, token.probability());
        }
        return Math.round(least * 1000) / 1000.0;
    }
}
