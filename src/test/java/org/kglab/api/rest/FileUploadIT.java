package org.kglab.api.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kglab.graph.DocumentNode;
import org.kglab.graph.GraphStore;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class FileUploadIT extends IntegrationTest {

    /** Small, so that the size checks run on small files. */
    private static final int LIMIT = 64 * 1024;

    @Inject
    GraphStore graph;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.upload.max-bytes", String.valueOf(LIMIT));
    }

    static Stream<Arguments> acceptedFormats() {
        return Stream.of(
                Arguments.of("notes.txt", Fixtures.text("Plain words about graphs."), "text/plain", "notes.txt",
                        "Plain words about graphs."),
                Arguments.of("readme.md", Fixtures.text("# Heading\n\nMarkdown about *graphs*."), "text/markdown",
                        "Heading", "Markdown about *graphs*."),
                Arguments.of("paper.pdf", Fixtures.pdf("A PDF Title", "Portable words about graphs."),
                        "application/pdf", "A PDF Title", "Portable words about graphs."),
                Arguments.of("report.docx", Fixtures.docx("A Word Title", "Word words about graphs."),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "A Word Title",
                        "Word words about graphs."),
                Arguments.of("page.html", Fixtures.html("An HTML Title", "Hypertext about graphs."), "text/html",
                        "An HTML Title", "Hypertext about graphs."),
                Arguments.of("data.json", Fixtures.text("{\"topic\": \"graphs\", \"count\": 3}"), "application/json",
                        "data.json", "\"topic\": \"graphs\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFormats")
    void storesEveryAcceptedFormatAndProjectsItIntoTheGraph(String fileName, byte[] content, String mediaType,
                                                             String title, String textFragment) throws Exception {
        Api.Reply reply = api.upload(fileName, content);

        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String id = reply.json().read("$.documentId");
        assertThat(reply.json().<String>read("$.jobId")).isNotBlank();
        assertThat(reply.json().<String>read("$.duplicateOf")).isNull();
        assertThat(reply.json().<String>read("$.status")).isEqualTo("PROCESSING");
        assertThat(reply.json().<String>read("$.mediaType")).isEqualTo(mediaType);
        assertThat(reply.json().<String>read("$.title")).isEqualTo(fileName);
        assertThat(reply.json().<Integer>read("$.sizeBytes")).isEqualTo(content.length);
        assertThat(reply.json().<String>read("$.sha256")).isEqualTo(sha256(content));
        // Visible at once, whether or not its job has finished yet.
        assertThat(api.documentStatus(id)).isIn("PROCESSING", "READY");

        assertThat(api.awaitJobEnd(reply.json().read("$.jobId")).<String>read("$.state")).isEqualTo("SUCCEEDED");
        var document = api.graphql("document", Map.of("id", id)).read("$.data.document", Map.class);
        assertThat(document).containsEntry("title", title).containsEntry("mediaType", mediaType)
                .containsEntry("status", "READY").containsEntry("failureReason", null);
        assertThat((String) document.get("text")).contains(textFragment);
        assertThat(stores.storedFiles()).hasSize(1);

        Eventually.await("the document node in Neo4j", () -> graph.findDocument(UUID.fromString(id), owner.userId()).isPresent());
        DocumentNode node = graph.findDocument(UUID.fromString(id), owner.userId()).orElseThrow();
        assertThat(node.title()).isEqualTo(title);
        assertThat(node.mediaType()).isEqualTo(mediaType);
        assertThat(node.version()).isEqualTo(1);
    }

    @Test
    void rejectsAnEmptyFile() {
        assertRejected(api.upload("empty.txt", new byte[0]), 400, "The file is empty");
    }

    @Test
    void rejectsARequestWithoutAFilePart() {
        var body = MultipartBody.builder().addPart("other", "value").build();
        Api.Reply reply = api.send(HttpRequest.POST("/api/v1/files", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
        assertRejected(reply, 400, "The request has no file. Send the document as a multipart part named 'file'.");
        assertThat(reply.json().<String>read("$.detail"))
                .isEqualTo("The request has no file. Send the document as a multipart part named 'file'.");
    }

    @Test
    void detectsTheTypeFromTheBytesNotTheName() {
        assertRejected(api.upload("picture.txt", Fixtures.png()), 415, "Unsupported file type: image/png");
    }

    @Test
    void rejectsAFileJustOverTheLimit() {
        assertRejected(api.upload("big.txt", Fixtures.text("x".repeat(LIMIT + 1))), 413,
                "File too large: more than 64 KB, the limit is 64 KB.");
    }

    @Test
    void rejectsAFileWhoseDeclaredLengthIsFarOverTheLimitBeforeReadingIt() {
        byte[] huge = Fixtures.text("y".repeat(3 * 1024 * 1024));
        assertRejected(api.uploadWithLength("huge.txt", huge), 413, "File too large: 3.0 MB, the limit is 64 KB.");
    }

    @Test
    void rejectsAChunkedUploadFarOverTheLimitWithALowerBoundOfItsSize() {
        byte[] huge = Fixtures.text("y".repeat(3 * 1024 * 1024));
        Api.Reply reply = api.upload("huge.txt", huge);
        // Where the server cuts the body off varies a little; the message says it is a lower bound.
        assertRejected(reply, 413, "File too large: more than ");
        assertThat(reply.json().<String>read("$.detail")).endsWith(", the limit is 64 KB.");
    }

    @Test
    void acceptsAnUploadThatDeclaresItsLength() {
        Api.Reply reply = api.uploadWithLength("declared.md", Fixtures.text("# Declared\n\nLength known up front."));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().<String>read("$.mediaType")).isEqualTo("text/markdown");
    }

    @Test
    void failsACorruptPdfAtOnceWithItsReason() {
        assertFailed(api.upload("broken.pdf", Fixtures.truncatedPdf()), "could not be read");
    }

    @Test
    void failsAnEncryptedPdfAtOnceWithItsReason() {
        assertFailed(api.upload("secret.pdf", Fixtures.encryptedPdf("hidden words")), "encrypted");
    }

    @Test
    void failsAPdfCutOffSoThatItYieldsNoText() {
        assertFailed(api.upload("cut.pdf", Fixtures.cutOffPdf()), "The PDF yields no text and is damaged");
    }

    @Test
    void acceptsAScannedPdfWithoutTextAndFlagsIt() {
        String id = api.uploadReady("scan.pdf", Fixtures.scannedPdf(), null);

        var document = api.graphql("document", Map.of("id", id)).read("$.data.document", Map.class);
        assertThat(document).containsEntry("textless", true).containsEntry("truncated", false)
                .containsEntry("text", "");
    }

    @Test
    void rejectsTwoFilePartsInsteadOfDroppingOne() {
        Api.Reply reply = postMultipart(MultipartBody.builder()
                .addPart("file", "one.txt", MediaType.TEXT_PLAIN_TYPE, Fixtures.text("First file."))
                .addPart("file", "two.txt", MediaType.TEXT_PLAIN_TYPE, Fixtures.text("Second file.")));
        assertRejected(reply, 400, "Send one file per upload");
    }

    @Test
    void rejectsAFilePartSentAsAPlainField() {
        assertRejected(postMultipart(MultipartBody.builder().addPart("file", "just some words")), 400,
                "plain form field");
    }

    @Test
    void rejectsAnUnknownVisibilityNamingTheAllowedOnes() {
        Api.Reply reply = api.upload("notes.txt", Fixtures.text("Words."), "SECRET");
        assertRejected(reply, 400, "visibility must be one of PRIVATE, PUBLIC; it was \"SECRET\".");
        assertThat(reply.body()).doesNotContain("org.kglab").doesNotContain("Visibility");
    }

    @Test
    void acceptsAFileOfExactlyTheLimit() {
        assertThat(api.upload("edge.txt", Fixtures.text("z".repeat(LIMIT))).status()).isEqualTo(202);
    }

    /**
     * A file that cannot be read is accepted (its type is one we read) and its job fails at once, on the first
     * attempt, without retrying: the document ends FAILED with the reason, and nothing of it reaches the text,
     * the outbox or the graph. Only the original file stays, for a retry to read again.
     */
    private void assertFailed(Api.Reply reply, String reasonFragment) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        String id = reply.json().read("$.documentId");
        var job = api.awaitJobEnd(reply.json().read("$.jobId"));
        assertThat(job.<String>read("$.state")).isEqualTo("DEAD");
        assertThat(job.<Integer>read("$.attempt")).isEqualTo(1);
        assertThat(job.<String>read("$.error")).contains(reasonFragment).doesNotContain("Exception");
        var document = api.graphql("document", Map.of("id", id)).read("$.data.document", Map.class);
        assertThat(document).containsEntry("status", "FAILED").containsEntry("textLength", 0);
        assertThat((String) document.get("failureReason")).contains(reasonFragment).doesNotContain("Exception");
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();
        assertThat(stores.storedFiles()).hasSize(1);
        assertThat(graph.findDocument(UUID.fromString(id), owner.userId())).isEmpty();
    }

    private void assertRejected(Api.Reply reply, int status, String detailFragment) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().<String>read("$.detail")).contains(detailFragment);
        assertThat(reply.json().<Integer>read("$.status")).isEqualTo(status);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("at org.");
        // Nothing half-done stays behind: no row, no outbox entry, no file.
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();
        assertThat(stores.storedFiles()).isEmpty();
    }

    private Api.Reply postMultipart(MultipartBody.Builder body) {
        return api.send(HttpRequest.POST("/api/v1/files", body.build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
