package org.kglab.ingestion;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Bombs;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile files cost a bounded time and memory, and the service answers other requests meanwhile.
 * The suite runs with the service's own heap (512 MB): a parse inside it would not survive these.
 * Uploads are accepted at once and parsed by their job: a file past a bound ends with its job DEAD on the
 * first attempt and its document FAILED, both with the bound's reason, and nothing of its text stored.
 */
@MicronautTest(transactional = false)
class ExtractionLimitsIT extends IntegrationTest {

    private static final long MIB = 1024L * 1024;
    private static final long GIB = 1024 * MIB;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** Starting an extraction process, uploading and answering come on top of the parse itself. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.extraction.timeout", TIMEOUT.toSeconds() + "s",
                "kglab.upload.max-text-chars", "1000000",
                // A million characters are thousands of chunks; embedding them is not what this class is about.
                "kglab.embedding.provider", "none",
                // The client waits longer than any bound under test, so that the service's answer is what is seen.
                "micronaut.http.client.read-timeout", "120s");
    }

    @Test
    void refusesADocxWhoseXmlExpandsToAGibibyte() {
        Ended ended = uploadWhileCheckingLiveness("bomb.docx", Bombs.docx(GIB));
        assertRefused(ended, "The file expands to more than");
    }

    @Test
    void refusesADocxWith64MebibytesOfXml() {
        Ended ended = uploadWhileCheckingLiveness("big.docx", Bombs.docx(64 * MIB));
        assertRefused(ended, "The file expands to more than");
    }

    /** Big enough (about 20 MB of file) that no machine of this size parses it within the time limit. */
    @Test
    void refusesAPdfOfTwentyGibibyteFlateStreams() {
        assertStoppedAtALimit(uploadWhileCheckingLiveness("zeros.pdf", Bombs.pdfOfFlateStreams(20)));
    }

    /**
     * Every page says a few words, so the text reaches the character limit after about 55,000 pages. A
     * machine that gets there within the time and memory bounds stores the start, flagged as cut off; a
     * slower one stops at a bound. Either way the cost is bounded, which is what this test is about.
     */
    @Test
    void boundsAPdfOf200000Pages() {
        Ended ended = uploadWhileCheckingLiveness("pages.pdf", Bombs.pdfOfPages(200_000));
        if (ended.job().<String>read("$.state").equals("SUCCEEDED")) {
            assertThat(api.graphql("document", Map.of("id", ended.documentId()))
                    .<Boolean>read("$.data.document.truncated")).isTrue();
            assertThat(stores.count("SELECT count(*) FROM documents WHERE truncated")).isEqualTo(1);
        } else {
            assertStoppedAtALimit(ended);
        }
    }

    @Test
    void storesTextCutAtTheCharacterLimitAndSaysSo() {
        String words = "Graphs link entities across documents. ".repeat(40_000);
        String id = api.uploadReady("long.txt", Fixtures.text(words), null);

        var document = api.graphql("document", Map.of("id", id)).read("$.data.document", Map.class);
        assertThat(document).containsEntry("truncated", true).containsEntry("textless", false);
        assertThat((Integer) document.get("textLength")).isBetween(900_000, 1_000_000);
    }

    @Test
    void storesWholeTextUnflagged() {
        String id = api.uploadReady("short.txt", Fixtures.text("A few words about graphs."), null);

        var document = api.graphql("document", Map.of("id", id)).read("$.data.document", Map.class);
        assertThat(document).containsEntry("truncated", false).containsEntry("textless", false);
    }

    /** An upload's document and its job, as the job ended. */
    private record Ended(String documentId, DocumentContext job) {
    }

    /**
     * Uploads, then asks for liveness over and over until the upload's job has ended: every liveness request
     * must be answered promptly, the first while the parse is still running.
     */
    private Ended uploadWhileCheckingLiveness(String fileName, byte[] content) {
        long started = System.nanoTime();
        Api.Reply reply = api.upload(fileName, content);
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String jobId = reply.json().read("$.jobId");
        CompletableFuture<DocumentContext> job = CompletableFuture.supplyAsync(() -> api.awaitJobEnd(jobId));
        List<Long> livenessMillis = new ArrayList<>();
        boolean answeredDuringParse = false;
        while (!job.isDone()) {
            long asked = System.nanoTime();
            Api.Reply liveness = api.get("/health/liveness");
            livenessMillis.add(Duration.ofNanos(System.nanoTime() - asked).toMillis());
            assertThat(liveness.status()).isEqualTo(200);
            answeredDuringParse |= !job.isDone();
            sleep();
        }
        DocumentContext ended = job.join();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("time until the job ended").isLessThan(TIMEOUT.plus(MARGIN));
        assertThat(answeredDuringParse).as("liveness answered while the parse was in progress").isTrue();
        assertThat(livenessMillis).as("liveness response times (ms)").allMatch(ms -> ms < 2_000);
        return new Ended(reply.json().read("$.documentId"), ended);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Which bound a parse meets first depends on the machine; either way it ends there and says so. */
    private void assertStoppedAtALimit(Ended ended) {
        assertRefused(ended, "");
        assertThat(ended.job().<String>read("$.error"))
                .containsAnyOf("needed more than 256 MB of memory", "took longer than 20 s");
    }

    /** Dead at once (one attempt: retrying cannot help), the document FAILED with the same reason, no text kept. */
    private void assertRefused(Ended ended, String reasonFragment) {
        DocumentContext job = ended.job();
        assertThat(job.<String>read("$.state")).as(job.jsonString()).isEqualTo("DEAD");
        assertThat(job.<Integer>read("$.attempt")).isEqualTo(1);
        assertThat(job.<String>read("$.error")).contains(reasonFragment).doesNotContain("Exception");
        var document = api.graphql("document", Map.of("id", ended.documentId())).read("$.data.document", Map.class);
        assertThat(document).containsEntry("status", "FAILED").containsEntry("textLength", 0);
        assertThat((String) document.get("failureReason")).isEqualTo(job.<String>read("$.error"));
        assertThat(stores.count("SELECT count(*) FROM documents WHERE content <> ''")).isZero();
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();
        // The original file only, kept for a retry; nothing left in staging.
        assertThat(stores.storedFiles()).hasSize(1);
    }
}
