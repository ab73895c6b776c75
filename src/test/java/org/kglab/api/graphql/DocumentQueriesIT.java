package org.kglab.api.graphql;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.graph.GraphStore;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class DocumentQueriesIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Test
    void pagesThroughAllDocumentsNewestFirstWithKeysetCursors() {
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            uploaded.add(api.uploadText("doc-" + i + ".txt", "Document number " + i));
        }

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        boolean hasNextPage = true;
        while (hasNextPage) {
            DocumentContext page = documents(3, after);
            List<String> ids = page.read("$.data.documents.edges[*].node.id");
            seen.addAll(ids);
            hasNextPage = page.read("$.data.documents.pageInfo.hasNextPage");
            after = page.read("$.data.documents.pageInfo.endCursor");
            pages++;
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(uploaded.reversed());
    }

    @Test
    void keepsPagesStableWhenDocumentsAreAddedBetweenThem() {
        String oldest = api.uploadText("a.txt", "first");
        String middle = api.uploadText("b.txt", "second");
        DocumentContext firstPage = documents(1, null);
        api.uploadText("c.txt", "third, added after the first page was read");

        DocumentContext secondPage = documents(5, firstPage.read("$.data.documents.pageInfo.endCursor"));

        assertThat(firstPage.<List<String>>read("$.data.documents.edges[*].node.id")).containsExactly(middle);
        assertThat(secondPage.<List<String>>read("$.data.documents.edges[*].node.id")).containsExactly(oldest);
        assertThat(secondPage.<Boolean>read("$.data.documents.pageInfo.hasNextPage")).isFalse();
    }

    @Test
    void datesADocumentByTheServiceClockInUtc() {
        clock.advance(Duration.ofMinutes(10)); // within the access token's lifetime
        Instant before = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        api.uploadText("later.txt", "stored a while from now");
        Instant after = clock.instant();

        String createdAt = documents(1, null).read("$.data.documents.edges[0].node.createdAt");

        assertThat(createdAt).endsWith("Z");
        assertThat(Instant.parse(createdAt)).isBetween(before, after);
    }

    @Test
    void answersAnEmptyConnectionWhenThereAreNoDocuments() {
        DocumentContext page = documents(10, null);
        assertThat(page.<List<Object>>read("$.data.documents.edges")).isEmpty();
        assertThat(page.<Boolean>read("$.data.documents.pageInfo.hasNextPage")).isFalse();
        assertThat(page.<Object>read("$.data.documents.pageInfo.endCursor")).isNull();
    }

    @Test
    void loadsTextsOfAPageAndTruncatesThemOnRequest() {
        api.uploadText("long.txt", "0123456789".repeat(10));
        DocumentContext page = documents(5, null);
        assertThat(page.<String>read("$.data.documents.edges[0].node.text")).isEqualTo("0123456789".repeat(4));
    }

    @Test
    void reportsAnUnknownDocumentAsNotFound() {
        DocumentContext reply = api.graphql("document", Map.of("id", UUID.randomUUID().toString()));
        assertThat(reply.<Object>read("$.data.document")).isNull();
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(reply.<String>read("$.errors[0].message")).startsWith("No document with id");
    }

    @Test
    void rejectsAMalformedIdAsABadRequest() {
        DocumentContext reply = api.graphql("document", Map.of("id", "not-a-uuid"));
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(reply.<String>read("$.errors[0].message")).contains("Document ids are UUIDs");
    }

    @Test
    void rejectsACursorItDidNotIssue() {
        DocumentContext reply = api.graphql("documents", Map.of("first", 5, "after", "bm90LWEtY3Vyc29y"));
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(reply.<String>read("$.errors[0].message")).startsWith("Invalid cursor");
    }

    @Test
    void rejectsAPageSizeOutOfRange() {
        for (int first : new int[] {0, -1, 101}) {
            DocumentContext reply = api.graphql("documents", Map.of("first", first));
            assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
            assertThat(reply.<String>read("$.errors[0].message")).contains("between 1 and 100");
        }
    }

    @Test
    void classifiesSyntaxAndValidationErrorsAsBadRequests() {
        DocumentContext syntax = api.graphqlText("{ documents(first: ", Map.of());
        DocumentContext unknownField = api.graphqlText("{ documents { nope } }", Map.of());
        assertThat(syntax.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(unknownField.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(unknownField.<String>read("$.errors[0].message")).contains("nope");
    }

    @Test
    void refusesQueriesNestedBeyondTheDepthLimit() {
        DocumentContext reply = api.graphql("tooDeep", Map.of());
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
        assertThat(reply.<String>read("$.errors[0].message")).containsIgnoringCase("depth");
    }

    @Test
    void answersTheFullIntrospectionQueryThatPlaygroundsSend() {
        DocumentContext reply = api.graphqlText(graphql.introspection.IntrospectionQuery.INTROSPECTION_QUERY, Map.of());
        assertThat(reply.<Object>read("$.errors")).as(reply.jsonString()).isNull();
        assertThat(reply.<List<String>>read("$.data.__schema.types[*].name")).contains("Document", "DateTime", "Long");
    }

    @Test
    void deletesTheRowTheFileAndTheGraphNode() {
        String id = api.uploadText("gone.md", "# Soon gone");
        Eventually.await("the node to be projected", () -> graph.findDocument(UUID.fromString(id), owner.userId()).isPresent());

        DocumentContext reply = api.graphql("deleteDocument", Map.of("id", id));

        assertThat(reply.<Boolean>read("$.data.deleteDocument")).isTrue();
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
        assertThat(stores.storedFiles()).isEmpty();
        Eventually.await("the node to be removed", () -> graph.findDocument(UUID.fromString(id), owner.userId()).isEmpty());
        assertThat(api.graphql("document", Map.of("id", id)).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void reportsDeletingAnUnknownDocumentAsNotFound() {
        DocumentContext reply = api.graphql("deleteDocument", Map.of("id", UUID.randomUUID().toString()));
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(stores.count("SELECT count(*) FROM outbox")).isZero();
    }

    private DocumentContext documents(int first, String after) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", first);
        if (after != null) {
            variables.put("after", after);
        }
        DocumentContext reply = api.graphql("documents", variables);
        assertThat(reply.<Object>read("$.errors")).as(reply.jsonString()).isNull();
        return reply;
    }
}
