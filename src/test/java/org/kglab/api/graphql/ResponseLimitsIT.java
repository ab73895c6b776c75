package org.kglab.api.graphql;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request must not multiply a large text into gigabytes: aliases and root fields are bounded, and
 * the text an operation may return is counted before anything is fetched.
 */
@MicronautTest(transactional = false)
class ResponseLimitsIT extends IntegrationTest {

    /** About 8 MB of plain text, the size that once turned 60 aliases into a 503 MB answer. */
    private static final int TEXT_LENGTH = 8 * 1024 * 1024;

    private String largeText;
    private String documentId;

    /** Extracting and storing 8 MB can outlast the client's default 10 s on a busy machine; the limits answer at once. */
    @Override
    protected Map<String, String> extraProperties() {
        // Eight million characters are thousands of chunks; embedding them is not what this class is about.
        return Map.of("micronaut.http.client.read-timeout", "60s", "kglab.embedding.provider", "none");
    }

    @BeforeEach
    void aLargeDocument() {
        String line = "Knowledge graphs link entities across documents; this line pads a large text. ";
        largeText = line.repeat(TEXT_LENGTH / line.length() + 1).substring(0, TEXT_LENGTH - 1) + "!";
        documentId = api.uploadReady("large.txt", Fixtures.text(largeText), null);
    }

    @Test
    void refusesSixtyAliasesOfALargeTextBeforeFetchingIt() {
        Api.Reply reply = api.graphqlReply(aliases(60, "text"), Map.of(), false);

        assertRefused(reply, "60 aliases", "the limit is 30");
    }

    @Test
    void refusesAnOperationThatMayReturnMoreTextThanTheBudgetAndSaysHowToPage() {
        Api.Reply reply = api.graphqlReply(aliases(5, "text(maxLength: 1000000)"), Map.of(), false);

        assertRefused(reply, "up to 5,000,000 characters", "the limit is 4,000,000 per request",
                "text(offset:, maxLength:)");
    }

    @Test
    void countsTheTextOfEveryDocumentOnAPage() {
        Api.Reply reply = api.graphqlReply("{ documents(first: 50) { edges { node { text(maxLength: 100000) } } } }",
                Map.of(), false);

        assertRefused(reply, "up to 5,000,000 characters");
    }

    @Test
    void refusesTooManyRootFieldsEvenWithoutAliasesOfTheSameField() {
        String query = IntStream.range(0, 21).mapToObj(i -> "m" + i + ": me { id }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        Api.Reply reply = api.graphqlReply(query.replace("m0: me", "me"), Map.of(), false);

        assertRefused(reply, "21 root fields", "the limit is 20");
    }

    @Test
    void readsALongTextInPartsWithinTheBudget() {
        var parts = new StringBuilder();
        int textLength = -1;
        for (int offset = 0; offset < TEXT_LENGTH; offset += 4_000_000) {
            int base = offset;
            String query = IntStream.range(0, 4)
                    .mapToObj(i -> "p%d: text(offset: %d, maxLength: 1000000)".formatted(i, base + i * 1_000_000))
                    .collect(Collectors.joining(" ", "{ document(id: \"" + documentId + "\") { textLength ", " } }"));
            DocumentContext page = api.graphqlText(query, Map.of());
            assertThat(page.<Object>read("$.errors")).isNull();
            textLength = page.read("$.data.document.textLength");
            for (int i = 0; i < 4; i++) {
                parts.append(page.<String>read("$.data.document.p" + i));
            }
        }

        assertThat(textLength).isEqualTo(TEXT_LENGTH);
        assertThat(parts.length()).isEqualTo(TEXT_LENGTH);
        assertThat(parts.toString()).isEqualTo(largeText);
    }

    @Test
    void withstandsConcurrentFloodsOfAliasesWithoutAllocatingTheirAnswers() throws Exception {
        String flood = aliases(200, "text");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getTotalThreadAllocatedBytes();

        List<Api.Reply> replies = concurrently(3, () -> api.graphqlReply(flood, Map.of(), false));

        long allocatedMb = (threads.getTotalThreadAllocatedBytes() - allocatedBefore) / (1024 * 1024);
        System.out.printf("3 concurrent requests of 200 aliases of an 8 MB text: %d MB allocated by the JVM%n",
                allocatedMb);
        replies.forEach(reply -> assertRefused(reply, "200 aliases"));
        // Answering them would take 3 x 200 x 8 MB = 4.8 GB; refusing them takes a few MB of parsing.
        assertThat(allocatedMb).isLessThan(256);
        assertThat(api.graphql("document", Map.of("id", documentId)).<String>read("$.data.document.text"))
                .hasSize(DocumentWiring.TEXT_DEFAULT_LENGTH);
    }

    private String aliases(int count, String textField) {
        return IntStream.range(0, count)
                .mapToObj(i -> "d" + i + ": document(id: \"" + documentId + "\") { " + textField + " }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    private static void assertRefused(Api.Reply reply, String... mentions) {
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().length()).as("answer size").isLessThan(2_000);
        assertThat(reply.json().<Object>read("$.data")).isNull();
        assertThat(reply.json().<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(reply.json().<String>read("$.errors[0].message")).contains(mentions);
    }

    private static List<Api.Reply> concurrently(int count, java.util.function.Supplier<Api.Reply> request)
            throws Exception {
        var start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(count)) {
            List<CompletableFuture<Api.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return request.get();
                }, pool));
            }
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        }
    }
}
