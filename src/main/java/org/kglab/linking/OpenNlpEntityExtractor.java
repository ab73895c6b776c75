package org.kglab.linking;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.kglab.graph.entity.GraphTypesProperties;
import org.kglab.linking.CandidateSpans.Found;
import org.kglab.linking.OpenNlpModels.Sentence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The default extractor, in-process and offline: Apache OpenNLP's English sentence, token and part-of-speech
 * models (there is no named-entity model for them). Candidates are runs of names (a lone capitalised word that
 * opens a sentence only if the document uses it in a name elsewhere too: "Variants such as..." is not a name), and noun
 * phrases that occur at least twice in the document; RELATED_TO joins candidates that share a sentence. Mention confidence is the
 * tagger's probability for the least sure word. Text in another language is read as English: worse, not wrong.
 */
@Singleton
@Requires(property = "kglab.linking.llm.enabled", notEquals = "true")
final class OpenNlpEntityExtractor implements EntityExtractor {

    /** A phrase seen once is as likely an accident of wording as a concept. */
    static final int MIN_PHRASE_OCCURRENCES = 2;
    /** A mention found by spelling alone is less sure than one the tagger saw. */
    static final double FOUND_AGAIN = 0.8;
    static final int MAX_FOUND_AGAIN = 1_000;

    private final GraphTypesProperties types;
    private final LinkingProperties limits;

    OpenNlpEntityExtractor(GraphTypesProperties types, LinkingProperties limits) {
        this.types = types;
        this.limits = limits;
        EntityCollector.defaultType(types, limits);
    }

    @Override
    public String id() {
        return OpenNlpModels.ID;
    }

    @Override
    public Extraction extract(ExtractionRequest request) {
        DocumentText document = DocumentText.of(request.chunks(), limits.maxChars());
        String text = document.text();
        List<Sentence> sentences = OpenNlpModels.tag(text);
        List<Found> names = CandidateSpans.names(sentences);
        Set<String> usedInNames = names.stream().filter(f -> !f.opener())
                .flatMap(f -> Arrays.stream(EntityNames.normalize(text.substring(f.start(), f.end())).split(" ")))
                .collect(Collectors.toSet());
        List<Found> kept = new ArrayList<>();
        for (Found f : names) {
            if (!f.opener() || usedInNames.contains(EntityNames.normalize(text.substring(f.start(), f.end())))) {
                kept.add(f);
            }
        }
        kept.addAll(RecurringPhrases.select(CandidateSpans.phrases(sentences), MIN_PHRASE_OCCURRENCES));
        EntityCollector entities = new EntityCollector(types, limits);
        Spans taken = new Spans();
        for (Found f : kept) {
            entities.add(text.substring(f.start(), f.end()), f.type(),
                    document.mentions(f.start(), f.end(), f.confidence()), f.sentence());
            taken.add(f.start(), f.end());
        }
        findAgain(document, sentences, kept, entities, taken);
        List<CandidateRelationship> related = types.relationshipType(GraphTypesProperties.RELATED_TO).isPresent()
                ? CoOccurrence.relate(entities.groups(), limits.maxRelationships()) : List.of();
        return new Extraction(id(), entities.entities(), related, document.truncated() || entities.truncated());
    }

    /**
     * One sense per document: where the tagger missed a kept entity elsewhere ("Google's research" tagged as a
     * common noun), it is found again by its spelling (names exactly, phrases in any case) outside every span
     * already taken, with {@value #FOUND_AGAIN} of the confidence it was first found with.
     */
    private static void findAgain(DocumentText document, List<Sentence> sentences, List<Found> found,
                                  EntityCollector entities, Spans taken) {
        String text = document.text();
        TextSearch search = new TextSearch(text);
        Set<String> kept = entities.entities().stream().map(CandidateEntity::normalizedName)
                .collect(Collectors.toSet());
        Set<String> searched = new HashSet<>();
        for (Found f : found) {
            String surface = text.substring(f.start(), f.end());
            if (!kept.contains(EntityNames.normalize(surface)) || !searched.add(surface)) {
                continue;
            }
            List<Integer> starts = f.name() ? search.exact(surface, MAX_FOUND_AGAIN)
                    : search.ignoringCase(surface, MAX_FOUND_AGAIN);
            for (int start : starts) {
                int end = start + surface.length();
                if (taken.add(start, end)) {
                    entities.add(surface, f.type(), document.mentions(start, end, f.confidence() * FOUND_AGAIN),
                            sentenceAt(sentences, start));
                }
            }
        }
    }

    private static int sentenceAt(List<Sentence> sentences, int offset) {
        int low = 0;
        int high = sentences.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (sentences.get(middle).start() <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }
}
