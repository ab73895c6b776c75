package org.kglab.linking;

import org.jspecify.annotations.Nullable;
import org.kglab.linking.OpenNlpModels.Token;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A type for a span only where its own words or the words next to it say so: "University of Toronto" is an
 * organisation, "ImageNet dataset" a dataset, "Adam optimizer" a method, "Smith et al." a person. Anything else
 * is left untyped (the caller's default), as a part-of-speech tagger knows nothing more.
 */
final class EntityTypeGuess {

    private static final Set<String> ORGANIZATION_WORDS = Set.of("university", "institute", "institution",
            "department", "laboratory", "laboratories", "lab", "labs", "inc", "corp", "corporation", "company",
            "foundation", "agency", "ministry", "council", "association", "society", "center", "centre", "college",
            "school", "academy", "consortium", "commission", "committee", "organization", "organisation");
    private static final Set<String> EVENT_WORDS = Set.of("conference", "workshop", "symposium", "summit", "congress");
    private static final Set<String> DATASET_WORDS = Set.of("dataset", "datasets", "corpus", "corpora", "benchmark",
            "database");
    private static final Set<String> METHOD_WORDS = Set.of("algorithm", "method", "optimizer", "optimiser",
            "architecture", "model", "technique", "framework", "classifier", "estimator", "regression", "descent",
            "sampling", "clustering");
    private static final Set<String> PERSON_TITLES = Set.of("dr", "prof", "professor", "mr", "mrs", "ms");

    private EntityTypeGuess() {
    }

    static @Nullable String ofName(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            String word = word(tokens.get(k));
            if (ORGANIZATION_WORDS.contains(word)) {
                return "Organization";
            }
            if (EVENT_WORDS.contains(word)) {
                return "Event";
            }
        }
        String last = word(tokens.get(to - 1));
        String next = to < tokens.size() ? word(tokens.get(to)) : "";
        String previous = from > 0 ? word(tokens.get(from - 1)) : "";
        if (DATASET_WORDS.contains(last) || DATASET_WORDS.contains(next)) {
            return "Dataset";
        }
        if (METHOD_WORDS.contains(next)) {
            return "Method";
        }
        if (PERSON_TITLES.contains(previous) || next.equals("et")) {
            return "Person";
        }
        return null;
    }

    static @Nullable String ofPhrase(List<Token> phrase) {
        String head = word(phrase.getLast());
        if (DATASET_WORDS.contains(head)) {
            return "Dataset";
        }
        return METHOD_WORDS.contains(head) ? "Method" : null;
    }

    private static String word(Token token) {
        return TokenShapes.bare(token.text()).toLowerCase(Locale.ROOT);
    }
}
