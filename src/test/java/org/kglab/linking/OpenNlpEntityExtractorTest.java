package org.kglab.linking;

import org.junit.jupiter.api.Test;
import org.kglab.graph.entity.GraphTypesProperties;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The OpenNLP extractor on small texts: what it finds, where, and within which bounds. */
class OpenNlpEntityExtractorTest {

    private static final GraphTypesProperties TYPES = new GraphTypesProperties(null, null);
    private final OpenNlpEntityExtractor extractor = new OpenNlpEntityExtractor(TYPES, LinkingProperties.defaults());

    @Test
    void everyMentionsOffsetsSliceExactlyItsTextFromItsChunk() {
        LabelledText labelled = LabelledText.read("linking/sentences.txt");
        Map<Integer, String> texts = labelled.chunks().stream()
                .collect(Collectors.toMap(ChunkText::ordinal, ChunkText::text));

        Extraction extraction = extractor.extract(labelled.request());

        List<Mention> mentions = extraction.entities().stream().flatMap(e -> e.mentions().stream()).toList();
        assertThat(mentions).hasSizeGreaterThan(50).allSatisfy(m -> {
            assertThat(texts.get(m.chunkOrdinal()).substring(m.start(), m.end())).isEqualTo(m.text());
            assertThat(m.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void findsNamesWithoutTheirPossessiveAndDeduplicatesThem() {
        Extraction extraction = extract("Google's research team trained BERT. Researchers at Google released it in "
                + "2018, and the University of Toronto studied BERT's errors.");

        CandidateEntity google = entity(extraction, "google");
        assertThat(google.name()).isEqualTo("Google");
        assertThat(google.mentions()).extracting(Mention::text).containsExactly("Google", "Google");
        assertThat(entity(extraction, "bert").mentions()).extracting(Mention::text).containsExactly("BERT", "BERT");
        assertThat(entity(extraction, "university of toronto").type()).isEqualTo("Organization");
    }

    @Test
    void keepsANounPhraseOnlyWhenItRecurs() {
        Extraction once = extract("We study graph neural networks on small molecules.");
        Extraction twice = extract("We study graph neural networks on small molecules. Unlike transformers, graph "
                + "neural networks pass messages between atoms.");

        assertThat(names(once)).doesNotContain("graph neural networks");
        assertThat(entity(twice, "graph neural networks").mentions()).hasSize(2);
        assertThat(entity(twice, "graph neural networks").type()).isEqualTo("Concept");
    }

    @Test
    void relatesEntitiesThatShareASentenceWeightedByHowOften() {
        Extraction extraction = extract("Geoffrey Hinton worked with Yann LeCun. Geoffrey Hinton and Yann LeCun "
                + "won the Turing Award. Yoshua Bengio lives in Montreal.");

        Map<String, CandidateRelationship> related = extraction.relationships().stream()
                .collect(Collectors.toMap(r -> r.source() + " / " + r.target(), Function.identity()));
        assertThat(related.get("geoffrey hinton / yann lecun").weight()).isEqualTo(2);
        assertThat(related.get("geoffrey hinton / yann lecun").confidence()).isEqualTo(CoOccurrence.confidence(2));
        assertThat(related.get("geoffrey hinton / turing award").weight()).isEqualTo(1);
        assertThat(related.get("montreal / yoshua bengio").type()).isEqualTo("RELATED_TO");
        assertThat(related).doesNotContainKey("geoffrey hinton / montreal");
    }

    @Test
    void readsTheOverlapOfTwoChunksOnceAndCitesItInBoth() {
        String text = "Geoffrey Hinton taught at the University of Toronto. Later Hinton joined Google Brain.";
        int cut = text.indexOf("Later");
        int overlap = text.indexOf("the University");
        ChunkText first = new ChunkText(0, text.substring(0, cut - 1), 0, cut - 1);
        ChunkText second = new ChunkText(1, text.substring(overlap), overlap, text.length());

        Extraction extraction = extractor.extract(request(List.of(second, first)));

        assertThat(entity(extraction, "university of toronto").mentions())
                .extracting(Mention::chunkOrdinal, Mention::start)
                .containsExactly(tuple(0, overlap + "the ".length()), tuple(1, "the ".length()));
        assertThat(extraction.relationships()).filteredOn(r -> r.target().equals("university of toronto"))
                .allSatisfy(r -> assertThat(r.weight()).isEqualTo(1));
    }

    @Test
    void boundsTheEntitiesKeptAndSaysSo() {
        String text = IntStream.range(0, 30).mapToObj(i -> "Alice" + (char) ('A' + i % 26) + i + " met BobZ" + i
                + ".").collect(Collectors.joining(" ")) + " Carol Smith met Carol Smith.";
        OpenNlpEntityExtractor bounded = new OpenNlpEntityExtractor(TYPES,
                new LinkingProperties(1_000_000, 5, 2_000, "Concept"));

        Extraction extraction = bounded.extract(request(List.of(new ChunkText(0, text, 0, text.length()))));

        assertThat(extraction.entities()).hasSize(5);
        assertThat(extraction.entities().getFirst().normalizedName()).isEqualTo("carol smith");
        assertThat(extraction.truncated()).isTrue();
        assertThat(extraction.relationships()).allSatisfy(r -> assertThat(names(extraction))
                .contains(r.source(), r.target()));
    }

    @Test
    void readsNoMoreThanTheCharacterBoundAndSaysSo() {
        String head = "Geoffrey Hinton taught in Toronto. ".repeat(30);
        String tail = "Ada Lovelace wrote in London.";
        String text = head + tail;
        OpenNlpEntityExtractor bounded = new OpenNlpEntityExtractor(TYPES,
                new LinkingProperties(head.length(), 500, 2_000, "Concept"));

        Extraction extraction = bounded.extract(request(List.of(new ChunkText(0, text, 0, text.length()))));

        assertThat(names(extraction)).contains("geoffrey hinton").doesNotContain("ada lovelace");
        assertThat(extraction.truncated()).isTrue();
        assertThat(extractor.extract(request(List.of(new ChunkText(0, text, 0, text.length())))).truncated())
                .isFalse();
    }

    @Test
    void relatesNothingWhenTheAllowListHasNoRelatedTo() {
        OpenNlpEntityExtractor strict = new OpenNlpEntityExtractor(new GraphTypesProperties(null, List.of("PART_OF")),
                LinkingProperties.defaults());

        Extraction extraction = strict.extract(request(List.of(chunk("Geoffrey Hinton met Yann LeCun."))));

        assertThat(extraction.entities()).hasSize(2);
        assertThat(extraction.relationships()).isEmpty();
    }

    @Test
    void refusesADefaultTypeOutsideTheAllowList() {
        assertThatThrownBy(() -> new OpenNlpEntityExtractor(new GraphTypesProperties(List.of("Person"), null),
                LinkingProperties.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kglab.linking.default-type");
    }

    @Test
    void aDocumentWithoutChunksHasNoEntities() {
        Extraction extraction = extractor.extract(request(List.of()));

        assertThat(extraction.entities()).isEmpty();
        assertThat(extraction.relationships()).isEmpty();
        assertThat(extraction.truncated()).isFalse();
    }

    @Test
    void givesTheSameAnswerOnManyThreadsAtOnce() throws Exception {
        LabelledText labelled = LabelledText.read("linking/sentences.txt");
        Extraction alone = extractor.extract(labelled.request());
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            List<Future<Extraction>> results = IntStream.range(0, 8)
                    .mapToObj(i -> threads.submit(() -> extractor.extract(labelled.request()))).toList();
            for (Future<Extraction> result : results) {
                assertThat(result.get().entities()).isEqualTo(alone.entities());
                assertThat(result.get().relationships()).isEqualTo(alone.relationships());
            }
        }
    }

    private Extraction extract(String text) {
        return extractor.extract(request(List.of(chunk(text))));
    }

    private static ChunkText chunk(String text) {
        return new ChunkText(0, text, 0, text.length());
    }

    private static ExtractionRequest request(List<ChunkText> chunks) {
        return new ExtractionRequest(UUID.randomUUID(), UUID.randomUUID(), "en", chunks);
    }

    private static List<String> names(Extraction extraction) {
        return extraction.entities().stream().map(CandidateEntity::normalizedName).toList();
    }

    private static CandidateEntity entity(Extraction extraction, String normalizedName) {
        return extraction.entities().stream().filter(e -> e.normalizedName().equals(normalizedName)).findFirst()
                .orElseThrow(() -> new AssertionError(normalizedName + " not among " + names(extraction)));
    }
}
