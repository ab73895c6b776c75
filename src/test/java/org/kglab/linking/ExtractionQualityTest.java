package org.kglab.linking;

import org.junit.jupiter.api.Test;
import org.kglab.graph.entity.GraphTypesProperties;
import org.kglab.platform.ClasspathResources;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the OpenNLP extractor on a hand-labelled set of research prose
 * ({@code linking/sentences.txt}), printed to the test's report. Not a target: a guard. A change that makes
 * a figure fall more than {@value #TOLERANCE} below the one recorded in {@code linking/baseline.properties}
 * fails; a change that raises one should record the new figure.
 */
class ExtractionQualityTest {

    private static final double TOLERANCE = 0.01;

    private record Span(int chunk, int start, int end) {
    }

    @Test
    void precisionAndRecallDoNotFallBelowTheRecordedBaseline() {
        LabelledText labelled = LabelledText.read("linking/sentences.txt");
        long started = System.nanoTime();
        long loadMillis = OpenNlpModels.loadMillis();
        Extraction extraction = new OpenNlpEntityExtractor(new GraphTypesProperties(null, null),
                LinkingProperties.defaults()).extract(labelled.request());
        long totalMillis = (System.nanoTime() - started) / 1_000_000;

        Set<Span> expected = labelled.labels().stream().map(l -> new Span(l.chunk(), l.start(), l.end()))
                .collect(Collectors.toSet());
        Set<Span> found = extraction.entities().stream().flatMap(e -> e.mentions().stream())
                .map(m -> new Span(m.chunkOrdinal(), m.start(), m.end())).collect(Collectors.toSet());
        Set<String> expectedNames = labelled.labels().stream().map(l -> EntityNames.normalize(l.text()))
                .collect(Collectors.toSet());
        Set<String> foundNames = extraction.entities().stream().map(CandidateEntity::normalizedName)
                .collect(Collectors.toSet());

        double mentionPrecision = ratio(overlap(found, expected), found.size());
        double mentionRecall = ratio(overlap(found, expected), expected.size());
        double entityPrecision = ratio(overlap(foundNames, expectedNames), foundNames.size());
        double entityRecall = ratio(overlap(foundNames, expectedNames), expectedNames.size());
        System.out.printf(Locale.ROOT, "OpenNLP extraction on %d labelled mentions (%d entities) in %d chunks:%n"
                        + "  mentions: precision %.3f, recall %.3f (%d found)%n"
                        + "  entities: precision %.3f, recall %.3f (%d found)%n"
                        + "  types right on matched mentions: %.3f%n"
                        + "  models loaded in %d ms; extraction with first use in %d ms%n",
                expected.size(), expectedNames.size(), labelled.chunks().size(), mentionPrecision, mentionRecall,
                found.size(), entityPrecision, entityRecall, foundNames.size(), typeAccuracy(labelled, extraction),
                loadMillis, totalMillis);
        report("missed", minus(expected, found), labelled);
        report("not labelled", minus(found, expected), labelled);

        Properties baseline = baseline();
        assertThat(mentionPrecision).isGreaterThanOrEqualTo(recorded(baseline, "mention.precision"));
        assertThat(mentionRecall).isGreaterThanOrEqualTo(recorded(baseline, "mention.recall"));
        assertThat(entityPrecision).isGreaterThanOrEqualTo(recorded(baseline, "entity.precision"));
        assertThat(entityRecall).isGreaterThanOrEqualTo(recorded(baseline, "entity.recall"));
    }

    private static double typeAccuracy(LabelledText labelled, Extraction extraction) {
        int matched = 0;
        int right = 0;
        for (LabelledText.Label label : labelled.labels()) {
            for (CandidateEntity entity : extraction.entities()) {
                if (entity.mentions().stream().anyMatch(m -> m.chunkOrdinal() == label.chunk()
                        && m.start() == label.start() && m.end() == label.end())) {
                    matched++;
                    right += entity.type().equals(label.type()) ? 1 : 0;
                }
            }
        }
        return ratio(right, matched);
    }

    private static void report(String what, Set<Span> spans, LabelledText labelled) {
        String listed = spans.stream().sorted(java.util.Comparator.comparingInt(Span::chunk)
                        .thenComparingInt(Span::start))
                .map(s -> labelled.chunks().get(s.chunk()).text().substring(s.start(), s.end()))
                .collect(Collectors.joining(" | "));
        System.out.println("  " + what + " (" + spans.size() + "): " + listed);
    }

    private static <T> int overlap(Set<T> a, Set<T> b) {
        Set<T> both = new HashSet<>(a);
        both.retainAll(b);
        return both.size();
    }

    private static <T> Set<T> minus(Set<T> a, Set<T> b) {
        Set<T> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static double recorded(Properties baseline, String key) {
        return Double.parseDouble(baseline.getProperty(key)) - TOLERANCE;
    }

    private static Properties baseline() {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(ClasspathResources.text("linking/baseline.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
