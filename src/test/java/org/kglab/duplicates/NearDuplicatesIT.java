package org.kglab.duplicates;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.documents.DocumentId;
import org.kglab.support.Api;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Near-duplicates found on upload, against the real PostgreSQL, and read through GraphQL. */
@MicronautTest(transactional = false)
class NearDuplicatesIT extends IntegrationTest {

    @Inject
    NearDuplicates nearDuplicates;

    @Test
    void twoNearIdenticalUploadsOfOneOwnerAreLinkedBothWays() {
        String original = api.uploadText("original.txt", SampleTexts.text(1, 2_000));
        String copy = api.uploadText("copy.txt", SampleTexts.withFivePercentCut(1, 2_000));

        DocumentContext fromOriginal = nearDuplicatesOf(original, null);
        DocumentContext fromCopy = nearDuplicatesOf(copy, null);

        assertThat(fromOriginal.<List<String>>read("$.data.document.nearDuplicates[*].document.id"))
                .containsExactly(copy);
        assertThat(fromCopy.<List<String>>read("$.data.document.nearDuplicates[*].document.id"))
                .containsExactly(original);
        assertThat(fromCopy.<Double>read("$.data.document.nearDuplicates[0].similarity"))
                .isGreaterThan(0.9).isLessThan(1.0);
        assertThat(stores.count("SELECT count(*) FROM near_duplicates WHERE document_id = '" + copy
                + "' AND duplicate_of = '" + original + "'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM near_duplicates")).isEqualTo(1);
    }

    @Test
    void anUnrelatedUploadIsKeptApart() {
        String first = api.uploadText("first.txt", SampleTexts.text(2, 1_500));
        String unrelated = api.uploadText("unrelated.txt", SampleTexts.text(3, 1_500));

        assertThat(nearDuplicatesOf(first, null).<List<Object>>read("$.data.document.nearDuplicates")).isEmpty();
        assertThat(nearDuplicatesOf(unrelated, null).<List<Object>>read("$.data.document.nearDuplicates")).isEmpty();
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_signatures")).isEqualTo(2);
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_bands")).isEqualTo(2L * Bands.BANDS);
        assertThat(stores.count("SELECT count(*) FROM near_duplicates")).isZero();
    }

    @Test
    void theSameTextFromTwoOwnersIsNeverLinked() {
        String text = SampleTexts.text(4, 1_000);
        String owners = api.uploadText("mine.txt", text);
        Api.Session other = api.signUp("other@example.org");
        api.actAs(other);
        String theirs = api.uploadReady("theirs.txt", Fixtures.text(text), "PUBLIC");

        assertThat(nearDuplicatesOf(theirs, null).<List<Object>>read("$.data.document.nearDuplicates")).isEmpty();
        api.actAs(owner);
        assertThat(nearDuplicatesOf(owners, null).<List<Object>>read("$.data.document.nearDuplicates")).isEmpty();
        // Identical band hashes exist under both owners; the lookup is keyed by owner, so neither found the other.
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_bands a JOIN near_duplicate_bands b "
                + "ON a.band = b.band AND a.hash = b.hash AND a.owner_id <> b.owner_id")).isEqualTo(2L * Bands.BANDS);
        assertThat(stores.count("SELECT count(*) FROM near_duplicates")).isZero();
    }

    @Test
    void theSchemaRefusesALinkAcrossOwners() {
        String mine = api.uploadText("mine.txt", SampleTexts.text(5, 300));
        Api.Session other = api.signUp("other@example.org");
        String theirs = api.actAs(other).uploadText("theirs.txt", SampleTexts.text(5, 300));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> stores.sql(
                "INSERT INTO near_duplicates (document_id, duplicate_of, owner_id, similarity, detected_at) VALUES ('"
                        + theirs + "', '" + mine + "', '" + other.userId() + "', 1, now())"))
                .hasMessageContaining("near_duplicates_duplicate_of_owner_id_fkey");
    }

    @Test
    void deletingADocumentRemovesItsSignatureBandsAndLinks() {
        String original = api.uploadText("original.txt", SampleTexts.text(6, 1_000));
        String copy = api.uploadText("copy.txt", SampleTexts.withFivePercentCut(6, 1_000));
        assertThat(stores.count("SELECT count(*) FROM near_duplicates")).isEqualTo(1);

        DocumentContext deleted = api.graphql("deleteDocument", Map.of("id", original));
        assertThat(deleted.<Object>read("$.errors")).isNull();

        assertThat(stores.count("SELECT count(*) FROM near_duplicates")).isZero();
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_signatures WHERE document_id = '" + original
                + "'")).isZero();
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_bands WHERE document_id = '" + original + "'"))
                .isZero();
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_bands WHERE document_id = '" + copy + "'"))
                .isEqualTo(Bands.BANDS);
        assertThat(nearDuplicatesOf(copy, null).<List<Object>>read("$.data.document.nearDuplicates")).isEmpty();
    }

    @Test
    void recordingADocumentAgainReplacesWhatItRecorded() {
        String original = api.uploadText("original.txt", SampleTexts.text(7, 800));
        String copy = api.uploadText("copy.txt", SampleTexts.withFivePercentCut(7, 800));

        assertThat(nearDuplicates.record(DocumentId.parse(copy), new org.kglab.identity.access.UserId(owner.userId()),
                SampleTexts.withFivePercentCut(7, 800))).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM near_duplicates")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_bands")).isEqualTo(2L * Bands.BANDS);

        // Its text changed completely: the link goes.
        assertThat(nearDuplicates.record(DocumentId.parse(copy), new org.kglab.identity.access.UserId(owner.userId()),
                SampleTexts.text(8, 800))).isZero();
        assertThat(stores.count("SELECT count(*) FROM near_duplicates")).isZero();
        assertThat(nearDuplicatesOf(original, null).<List<Object>>read("$.data.document.nearDuplicates")).isEmpty();
    }

    /** Without the owner's lock, each transaction would miss the other's uncommitted bands. */
    @Test
    void twoNearIdenticalDocumentsRecordedAtOnceFindEachOther() throws Exception {
        var ownerId = new org.kglab.identity.access.UserId(owner.userId());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 5; round++) {
                DocumentId a = DocumentId.parse(api.uploadText("a.txt", SampleTexts.text(100 + round, 500)));
                DocumentId b = DocumentId.parse(api.uploadText("b.txt", SampleTexts.text(200 + round, 500)));
                String shared = SampleTexts.text(300 + round, 500);
                var start = new java.util.concurrent.CountDownLatch(1);
                var first = pool.submit(() -> {
                    start.await();
                    return nearDuplicates.record(a, ownerId, shared);
                });
                var second = pool.submit(() -> {
                    start.await();
                    return nearDuplicates.record(b, ownerId, shared);
                });
                start.countDown();
                assertThat(first.get() + second.get()).as("round " + round).isEqualTo(1);
                assertThat(stores.count("SELECT count(*) FROM near_duplicates WHERE '" + a + "' IN (document_id, "
                        + "duplicate_of) AND '" + b + "' IN (document_id, duplicate_of)")).isEqualTo(1);
            }
        }
    }

    @Test
    void theListIsBoundedAndOrderedBySimilarity() {
        String original = api.uploadText("original.txt", SampleTexts.text(9, 2_000));
        // The same text, not the same bytes (those would be the same document).
        String exact = api.uploadText("exact.md", SampleTexts.text(9, 2_000) + "\n");
        String cut = api.uploadText("cut.txt", SampleTexts.withFivePercentCut(9, 2_000));

        assertThat(nearDuplicatesOf(original, null).<List<String>>read("$.data.document.nearDuplicates[*].document.id"))
                .containsExactly(exact, cut);
        assertThat(nearDuplicatesOf(original, null).<Double>read("$.data.document.nearDuplicates[0].similarity"))
                .isEqualTo(1.0);
        assertThat(nearDuplicatesOf(original, 1).<List<String>>read("$.data.document.nearDuplicates[*].document.id"))
                .containsExactly(exact);
        DocumentContext tooMany = nearDuplicatesOf(original, NearDuplicates.MAX_LISTED + 1);
        assertThat(tooMany.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(tooMany.<String>read("$.errors[0].message")).contains("between 1 and 50");
    }

    @Test
    void aFileWithoutTextIsNotRecorded() {
        Api.Reply reply = api.upload("scan.pdf", Fixtures.scannedPdf());
        assertThat(reply.status()).isEqualTo(202);
        assertThat(api.awaitJobEnd(reply.json().read("$.jobId")).<String>read("$.state")).isEqualTo("SUCCEEDED");
        assertThat(stores.count("SELECT count(*) FROM near_duplicate_signatures")).isZero();
    }

    @Test
    void aListOfDocumentsLoadsItsNearDuplicatesInOneBatch() {
        String a = api.uploadText("a.txt", SampleTexts.text(10, 600));
        String a2 = api.uploadText("a2.txt", SampleTexts.text(10, 600) + "\n");
        String b = api.uploadText("b.txt", SampleTexts.text(11, 600));
        DocumentContext page = api.graphqlText("""
                { documents(first: 10) { edges { node { id nearDuplicates { document { id } } } } } }
                """, Map.of());
        Map<String, List<String>> byId = new HashMap<>();
        List<Map<String, Object>> nodes = page.read("$.data.documents.edges[*].node");
        for (Map<String, Object> node : nodes) {
            @SuppressWarnings("unchecked")
            List<Map<String, Map<String, String>>> list = (List<Map<String, Map<String, String>>>) node.get("nearDuplicates");
            byId.put((String) node.get("id"), list.stream().map(n -> n.get("document").get("id")).toList());
        }
        assertThat(byId).containsEntry(a, List.of(a2)).containsEntry(a2, List.of(a)).containsEntry(b, List.of());
    }

    private DocumentContext nearDuplicatesOf(String id, Integer first) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", id);
        if (first != null) {
            variables.put("first", first);
        }
        return api.graphql("nearDuplicates", variables);
    }
}
