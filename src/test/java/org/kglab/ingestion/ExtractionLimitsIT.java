package org.kglab.ingestion;

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
        Api.Reply reply = uploadWhileCheckingLiveness("bomb.docx", Bombs.docx(GIB));
        assertRefused(reply, "The file expands to more than");
    }

    @Test
    void refusesADocxWith64MebibytesOfXml() {
        Api.Reply reply = uploadWhileCheckingLiveness("big.docx", Bombs.docx(64 * MIB));
        assertRefused(reply, "The file expands to more than");
    }

    @Test
    void refusesAPdfOfFiveGibibyteFlateStreams() {
        assertStoppedAtALimit(uploadWhileCheckingLiveness("zeros.pdf", Bombs.pdfOfFlateStreams(5)));
    }

    /**
     * Every page says a few words, so the text reaches the character limit after about 55,000 pages. A
     * machine that gets there within the time and memory bounds stores the start, flagged as cut off; a
     * slower one stops at a bound. Either way the cost is bounded, which is what this test is about.
     */
    @Test
    void boundsAPdfOf200000Pages() {
        Api.Reply reply = uploadWhileCheckingLiveness("pages.pdf", Bombs.pdfOfPages(200_000));
        if (reply.status() == 201) {
            assertThat(reply.json().<Boolean>read("$.truncated")).as(reply.body()).isTrue();
            assertThat(stores.count("SELECT count(*) FROM documents WHERE truncated")).isEqualTo(1);
        } else {
            assertStoppedAtALimit(reply);
        }
    }

    @Test
    void storesTextCutAtTheCharacterLimitAndSaysSo() {
        String words = "Graphs link entities across documents. ".repeat(40_000);
        Api.Reply reply = api.upload("long.txt", Fixtures.text(words));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().<Boolean>read("$.truncated")).isTrue();
        var document = api.graphql("document", Map.of("id", reply.json().read("$.documentId")))
                .read("$.data.document", Map.class);
        assertThat(document).containsEntry("truncated", true).containsEntry("textless", false);
        assertThat((Integer) document.get("textLength")).isBetween(900_000, 1_000_000);
    }

    @Test
    void storesWholeTextUnflagged() {
        Api.Reply reply = api.upload("short.txt", Fixtures.text("A few words about graphs."));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        assertThat(reply.json().<Boolean>read("$.truncated")).isFalse();
        assertThat(reply.json().<Boolean>read("$.textless")).isFalse();
    }

    /**
     * Uploads on another thread and asks for liveness over and over until the upload is answered:
     * every liveness request must be answered promptly, the first while the parse is still running.
     */
    private Api.Reply uploadWhileCheckingLiveness(String fileName, byte[] content) {
        long started = System.nanoTime();
        CompletableFuture<Api.Reply> upload = CompletableFuture.supplyAsync(() -> api.upload(fileName, content));
        List<Long> livenessMillis = new ArrayList<>();
        boolean answeredDuringParse = false;
        while (!upload.isDone()) {
            long asked = System.nanoTime();
            Api.Reply liveness = api.get("/health/liveness");
            livenessMillis.add(Duration.ofNanos(System.nanoTime() - asked).toMillis());
            assertThat(liveness.status()).isEqualTo(200);
            answeredDuringParse |= !upload.isDone();
            sleep();
        }
        Api.Reply reply = upload.join();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("time to answer the upload").isLessThan(TIMEOUT.plus(MARGIN));
        assertThat(answeredDuringParse).as("liveness answered while the upload was in progress").isTrue();
        assertThat(livenessMillis).as("liveness response times (ms)").allMatch(ms -> ms < 2_000);
        return reply;
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
    private void assertStoppedAtALimit(Api.Reply reply) {
        assertRefused(reply, "");
        assertThat(reply.json().<String>read("$.detail"))
                .containsAnyOf("needed more than 256 MB of memory", "took longer than 20 s");
    }

    private void assertRefused(Api.Reply reply, String detailFragment) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().<String>read("$.detail")).contains(detailFragment);
        assertThat(reply.body()).doesNotContain("Exception");
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();
        assertThat(stores.storedFiles()).isEmpty();
    }
}
