package org.kglab.identity.access;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.chunks.ChunkService;
import org.kglab.documents.DocumentId;
import org.kglab.documents.PageRequest;
import org.kglab.duplicates.SampleTexts;
import org.kglab.graph.GraphStore;
import org.kglab.graph.entity.GraphFixtures;
import org.kglab.graph.entity.MentionFixtures;
import org.kglab.ingestion.IngestionService;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.Fixtures;
import org.kglab.support.GraphQLSocket;
import org.kglab.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two users, A and B. B must reach nothing of A's private data by any path that exists, and both
 * must reach public data. Each new way to read data (search, traversal, jobs, …) adds its test here.
 */
@MicronautTest(transactional = false)
class IsolationIT extends IntegrationTest {

    @Inject
    GraphStore graph;

    @Inject
    ChunkService chunks;

    @Inject
    IngestionService ingestion;

    @Inject
    EmbeddedServer server;

    private Api.Session alice;
    private Api.Session bob;
    private String alicePrivate;
    private String alicePublic;
    private String aliceJob;

    @BeforeEach
    void twoUsersWithDocuments() {
        alice = owner;
        bob = api.signUp("bob@example.org");
        api.actAs(alice);
        Api.Reply diary = api.upload("diary.md", Fixtures.text("# Alice's private notes"), "PRIVATE");
        aliceJob = diary.json().read("$.jobId");
        alicePrivate = uploaded(diary);
        alicePublic = uploaded(api.upload("paper.md", Fixtures.text("# Alice's public paper"), "PUBLIC"));
        Eventually.await("both documents in the graph", () ->
                graph.findDocument(UUID.fromString(alicePrivate), alice.userId()).isPresent()
                        && graph.findDocument(UUID.fromString(alicePublic), alice.userId()).isPresent());
        api.actAs(bob);
    }

    @Test
    void theDocumentQueryDoesNotRevealAnotherUsersPrivateDocument() {
        DocumentContext reply = api.graphql("document", Map.of("id", alicePrivate));
        assertThat(reply.<Object>read("$.data.document")).isNull();
        assertThat(reply.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(reply.jsonString()).doesNotContain("private notes").doesNotContain("diary");
    }

    @Test
    void theListShowsOnlyOwnAndPublicDocuments() {
        String bobs = uploaded(api.upload("bob.md", Fixtures.text("# Bob's notes")));
        List<String> ids = api.graphql("documents", Map.of("first", 100)).read("$.data.documents.edges[*].node.id");
        assertThat(ids).containsExactlyInAnyOrder(bobs, alicePublic);
    }

    @Test
    void chunksFollowTheVisibilityOfTheirDocument() {
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE document_id = '" + alicePrivate + "'")).isPositive();

        DocumentContext reply = api.graphql("documentsChunks", Map.of());
        assertThat(reply.<List<String>>read("$.data.documents.edges[*].node.id")).containsExactly(alicePublic);
        assertThat(reply.<List<String>>read("$.data.documents.edges[*].node.chunks.edges[*].node.headingPath"))
                .containsExactly("Alice's public paper");

        var page = new PageRequest(100, null);
        var privateId = DocumentId.parse(alicePrivate);
        var publicId = DocumentId.parse(alicePublic);
        var seen = chunks.pages(bob.caller(), List.of(privateId, publicId), page);
        assertThat(seen.get(privateId).rows()).isEmpty();
        assertThat(seen.get(publicId).rows()).extracting(c -> c.text()).containsExactly("# Alice's public paper");
        assertThat(chunks.page(alice.caller(), privateId, page).rows()).extracting(c -> c.text())
                .containsExactly("# Alice's private notes");
    }

    @Test
    void deleteCannotTouchAnotherUsersDocuments() {
        DocumentContext privateDelete = api.graphql("deleteDocument", Map.of("id", alicePrivate));
        DocumentContext publicDelete = api.graphql("deleteDocument", Map.of("id", alicePublic));

        assertThat(privateDelete.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(publicDelete.<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        assertThat(stores.count("SELECT count(*) FROM documents")).isEqualTo(2);
        assertThat(stores.count("SELECT count(*) FROM outbox WHERE payload = 'null'::jsonb")).isZero();
    }

    @Test
    void theUploadResponseAndTheNewDocumentBelongToTheUploader() {
        Api.Reply reply = api.upload("bob.md", Fixtures.text("# Bob's"));
        assertThat(reply.json().<String>read("$.visibility")).isEqualTo("PRIVATE");
        String bobs = uploaded(reply);

        api.actAs(alice);
        assertThat(api.graphql("document", Map.of("id", bobs)).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void theGraphProjectionKeepsOwnersApart() {
        assertThat(graph.findDocument(UUID.fromString(alicePrivate), bob.userId())).isEmpty();
        assertThat(graph.findDocument(UUID.fromString(alicePublic), bob.userId())).isPresent();
        assertThat(graph.findDocument(UUID.fromString(alicePrivate), alice.userId()).orElseThrow().ownerId())
                .isEqualTo(alice.userId());
        assertThat(stores.cypherCount("MATCH (d:Document {ownerId: '" + alice.userId() + "'}) RETURN count(d)"))
                .isEqualTo(2);
    }

    @Test
    void publicDocumentsAreReadableByEveryone() {
        for (Api.Session reader : List.of(alice, bob)) {
            DocumentContext reply = api.actAs(reader).graphql("document", Map.of("id", alicePublic));
            assertThat(reply.<String>read("$.data.document.text")).contains("Alice's public paper");
            assertThat(reply.<String>read("$.data.document.visibility")).isEqualTo("PUBLIC");
        }
    }

    @Test
    void anApiKeyReachesNoMoreThanItsOwnerDoes() {
        String bobsKey = api.graphql("createApiKey", Map.of("name", "bob's pipeline",
                "scopes", List.of("READ", "WRITE", "INGEST"))).read("$.data.createApiKey.key");
        api.actAs(bob.withToken(bobsKey));

        DocumentContext document = api.graphql("document", Map.of("id", alicePrivate));
        assertThat(document.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        List<String> ids = api.graphql("documents", Map.of("first", 100)).read("$.data.documents.edges[*].node.id");
        assertThat(ids).containsExactly(alicePublic);
        assertThat(api.graphql("deleteDocument", Map.of("id", alicePublic))
                .<String>read("$.errors[0].extensions.classification")).isEqualTo("FORBIDDEN");
        String uploaded = uploaded(api.upload("by-key.md", Fixtures.text("# Bob's, through a key")));
        assertThat(stores.count("SELECT count(*) FROM documents WHERE id = '" + uploaded + "' AND owner_id = '"
                + bob.userId() + "'")).isEqualTo(1);
    }

    @Test
    void anotherUsersJobIsNotFoundByAnyPath() {
        DocumentContext job = api.graphql("job", Map.of("id", aliceJob));
        assertThat(job.<Object>read("$.data.job")).isNull();
        assertThat(job.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(job.jsonString()).doesNotContain(alicePrivate);
        assertThat(api.graphql("jobs", Map.of("first", 100)).<List<String>>read("$.data.jobs.edges[*].node.id"))
                .isEmpty();
        assertThat(api.graphql("cancelJob", Map.of("id", aliceJob))
                .<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(api.graphql("retryJob", Map.of("id", aliceJob))
                .<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        Api.Reply rest = api.get("/api/v1/jobs/" + aliceJob);
        assertThat(rest.status()).isEqualTo(404);
        assertThat(rest.body()).doesNotContain(alicePrivate);
        assertThat(api.get("/api/v1/jobs/" + aliceJob + "/events").status()).isEqualTo(404);
        // Alice still reaches it.
        assertThat(api.actAs(alice).get("/api/v1/jobs/" + aliceJob).json().<String>read("$.documentId"))
                .isEqualTo(alicePrivate);
    }

    @Test
    void theProvenanceOfAnotherUsersPrivateDocumentIsUnreachable() {
        DocumentContext listed = api.graphqlText("{ documents(first: 100) { edges { node { id provenance { fileName "
                + "uploadedBy } } } } }", Map.of());
        assertThat(listed.<List<String>>read("$.data.documents.edges[*].node.provenance.fileName"))
                .containsExactly("paper.md");
        assertThat(listed.jsonString()).doesNotContain("diary.md");
    }

    /** Dedupe never crosses owners: it would tell Bob that Alice holds a file with these bytes. */
    @Test
    void theSameBytesAsAnotherUsersPrivateDocumentMakeANewDocument() {
        Api.Reply reply = api.upload("copy.md", Fixtures.text("# Alice's private notes"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().<String>read("$.duplicateOf")).isNull();
        assertThat(reply.json().<String>read("$.documentId")).isNotEqualTo(alicePrivate);
        assertThat(reply.body()).doesNotContain(alicePrivate);
    }

    @Test
    void nearDuplicatesShowOnlyWhatTheViewerMaySeeAndNeverCrossOwners() {
        String text = SampleTexts.text(1, 1_000);
        api.actAs(alice);
        String shared = uploaded(api.upload("shared.txt", Fixtures.text(text), "PUBLIC"));
        String privateCopy = uploaded(api.upload("copy.txt", Fixtures.text(SampleTexts.withFivePercentCut(1, 1_000)),
                "PRIVATE"));
        // Not the same bytes (that would be the same document), the same text.
        String publicCopy = uploaded(api.upload("public-copy.txt", Fixtures.text(text + "\n"), "PUBLIC"));
        assertThat(nearDuplicateIds(shared)).containsExactlyInAnyOrder(privateCopy, publicCopy);

        api.actAs(bob);
        String bobsCopy = uploaded(api.upload("bob.txt", Fixtures.text(text), "PUBLIC"));
        assertThat(nearDuplicateIds(shared)).containsExactly(publicCopy);
        assertThat(nearDuplicateIds(bobsCopy)).isEmpty();
        DocumentContext ofPrivate = api.graphql("nearDuplicates", Map.of("id", privateCopy));
        assertThat(ofPrivate.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(ofPrivate.jsonString()).doesNotContain(shared);
        assertThat(stores.count("SELECT count(*) FROM near_duplicates WHERE owner_id <> '" + alice.userId() + "'"))
                .isZero();
    }

    private List<String> nearDuplicateIds(String id) {
        return api.graphql("nearDuplicates", Map.of("id", id)).read("$.data.document.nearDuplicates[*].document.id");
    }

    /** An accepted upload, once its job has made it READY. */
    private String uploaded(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(api.awaitJobEnd(reply.json().read("$.jobId")).<String>read("$.state")).isEqualTo("SUCCEEDED");
        return reply.json().read("$.documentId");
    }

    /** Feeds are owner-only, whatever the visibility of the documents they bring in. */
    @Test
    void feedsAreSeenAndRemovedOnlyByTheirOwner() {
        String feed = UUID.randomUUID().toString();
        stores.sql("INSERT INTO feeds (id, owner_id, url, visibility, every_seconds, next_poll_at, created_at) VALUES ('"
                + feed + "', '" + alice.userId() + "', 'https://example.org/alice.xml', 'PUBLIC', 3600, now(), now())");

        assertThat(api.graphql("feeds", Map.of()).<List<Object>>read("$.data.feeds.edges")).isEmpty();
        DocumentContext removal = api.graphql("removeFeed", Map.of("id", feed));
        assertThat(removal.<String>read("$.errors[0].extensions.classification")).isEqualTo("NOT_FOUND");
        assertThat(stores.count("SELECT count(*) FROM feeds")).isEqualTo(1);

        List<String> alices = api.actAs(alice).graphql("feeds", Map.of()).read("$.data.feeds.edges[*].node.id");
        assertThat(alices).containsExactly(feed);
    }

    /** Where a document came from is as private as the document. */
    @Test
    void theSourceOfAFetchedDocumentFollowsTheDocumentsVisibility() {
        for (String id : List.of(alicePrivate, alicePublic)) {
            stores.sql("INSERT INTO document_sources (document_id, original_url, fetched_at) VALUES ('" + id
                    + "', 'https://intranet.example/" + id + "', now())");
        }

        List<String> urls = api.graphqlText("{ documents(first: 10) { edges { node { source { originalUrl } } } } }",
                Map.of()).read("$.data.documents.edges[*].node.source.originalUrl");
        assertThat(urls).containsExactly("https://intranet.example/" + alicePublic);
        assertThat(ingestion.sources(bob.caller(), List.of(UUID.fromString(alicePrivate), UUID.fromString(alicePublic))))
                .extracting(s -> s.documentId().toString()).containsExactly(alicePublic);
        assertThat(ingestion.sources(alice.caller(), List.of(UUID.fromString(alicePrivate)))).hasSize(1);
    }

    /**
     * Alice's private entity P sits between her public entities X and Y (X -> P -> Y), and X -> Z links two public
     * ones. Bob sees X, Y and Z, and nothing of P: not by id, list or search, not as a relationship, neighbor or
     * subgraph node, and no path through it.
     */
    @Test
    void anotherUsersPrivateEntityIsUnreachableByEveryGraphPath() {
        api.actAs(alice);
        List<String> ids = GraphFixtures.upsert(api, List.of(GraphFixtures.entity("Concept", "public x", "PUBLIC"),
                GraphFixtures.entity("Concept", "secret project", "PRIVATE"),
                GraphFixtures.entity("Concept", "public y", "PUBLIC"), GraphFixtures.entity("Concept", "public z", "PUBLIC")));
        String x = ids.get(0);
        String secret = ids.get(1);
        String y = ids.get(2);
        GraphFixtures.chain(api, x, secret, y);
        GraphFixtures.chain(api, x, ids.get(3));
        assertThat(api.graphql("shortestPath", Map.of("from", x, "to", y)).<Integer>read("$.data.shortestPath.length"))
                .isEqualTo(2);

        api.actAs(bob);
        DocumentContext byId = api.graphql("entity", Map.of("id", secret));
        assertThat(byId.<Object>read("$.data.entity")).isNull();
        assertThat(GraphFixtures.errorCode(byId)).isEqualTo("NOT_FOUND");
        assertThat(api.graphql("entities", Map.of("first", 100)).<List<String>>read("$.data.entities.edges[*].node.id"))
                .containsExactlyInAnyOrder(x, y, ids.get(3));
        assertThat(api.graphql("entities", Map.of("query", "secret")).<List<Object>>read("$.data.entities.edges"))
                .isEmpty();
        assertThat(api.graphql("relationships", Map.of("entityId", x))
                .<List<String>>read("$.data.relationships.edges[*].node.targetId")).containsExactly(ids.get(3));
        assertThat(GraphFixtures.errorCode(api.graphql("relationships", Map.of("entityId", secret))))
                .isEqualTo("NOT_FOUND");
        assertThat(api.graphql("neighbors", Map.of("id", x, "depth", 3))
                .<List<String>>read("$.data.neighbors[*].entity.id")).containsExactly(ids.get(3));
        DocumentContext path = api.graphql("shortestPath", Map.of("from", x, "to", y, "maxDepth", 6));
        assertThat(path.<Object>read("$.data.shortestPath")).isNull();
        assertThat(path.<Object>read("$.errors")).isNull();
        DocumentContext graph = api.graphql("subgraph", Map.of("seeds", List.of(x, y), "depth", 2));
        assertThat(graph.<List<String>>read("$.data.subgraph.nodes[*].id")).containsExactlyInAnyOrder(x, y, ids.get(3));
        assertThat(graph.jsonString()).doesNotContain(secret).doesNotContain("secret project");
        assertThat(GraphFixtures.errorCode(api.graphql("subgraph", Map.of("seeds", List.of(x, secret)))))
                .isEqualTo("NOT_FOUND");
        assertThat(GraphFixtures.errorCode(api.graphql("neighbors", Map.of("id", secret)))).isEqualTo("NOT_FOUND");
    }

    /** Bob may read Alice's public entities but change none, and his writes never merge into her space. */
    @Test
    void entitiesAreChangedOnlyByTheirOwnerAndNeverMergeAcrossOwners() {
        api.actAs(alice);
        String shared = GraphFixtures.concept(api, "Graph Theory", "PUBLIC");
        String secret = GraphFixtures.concept(api, "Secret", "PRIVATE");

        api.actAs(bob);
        assertThat(GraphFixtures.errorCode(api.graphql("updateEntity", Map.of("id", shared,
                "input", Map.of("name", "mine now"))))).isEqualTo("FORBIDDEN");
        assertThat(GraphFixtures.errorCode(api.graphql("deleteEntity", Map.of("id", secret)))).isEqualTo("NOT_FOUND");
        assertThat(GraphFixtures.errorCode(api.graphql("deleteEntity", Map.of("id", shared)))).isEqualTo("FORBIDDEN");
        String bobs = GraphFixtures.concept(api, "graph theory", "PRIVATE");
        assertThat(bobs).isNotEqualTo(shared);
        assertThat(GraphFixtures.errorCode(api.graphql("mergeEntities", Map.of("keep", bobs, "remove", shared))))
                .isEqualTo("FORBIDDEN");
        assertThat(GraphFixtures.errorCode(api.graphql("upsertRelationships", Map.of("relationships",
                List.of(GraphFixtures.relationship(bobs, "SAME_AS", shared)))))).isEqualTo("NOT_FOUND");
        assertThat(stores.cypherCount("MATCH (e:Entity {ownerId: '" + alice.userId() + "'}) RETURN count(e)"))
                .isEqualTo(2);
        assertThat(stores.cypherCount("MATCH ()-[r]->(:Entity {id: '" + shared + "'}) RETURN count(r)")).isZero();
        api.actAs(alice);
        assertThat(api.graphql("entity", Map.of("id", shared)).<String>read("$.data.entity.name"))
                .isEqualTo("Graph Theory");
    }

    /**
     * Through the fields across the stores, Bob sees neither Alice's private entity (in a chunk or a public
     * document) nor her private document (among a public entity's mentions and documents).
     */
    @Test
    void crossStoreFieldsRevealNoPrivateEntityOrDocumentOfAnotherUser() {
        api.actAs(alice);
        String idea = GraphFixtures.concept(api, "Shared idea", "PUBLIC");
        String secret = GraphFixtures.concept(api, "Secret plan", "PRIVATE");
        String publicChunk = MentionFixtures.chunksInGraph(stores, alicePublic).getFirst();
        String privateChunk = MentionFixtures.chunksInGraph(stores, alicePrivate).getFirst();
        MentionFixtures.mention(stores, idea, publicChunk, 2, 9, 0.9);
        MentionFixtures.mention(stores, secret, publicChunk, 10, 16, 0.9);
        MentionFixtures.mention(stores, idea, privateChunk, 2, 9, 0.9);
        assertThat(api.graphql("entityMentions", Map.of("id", idea))
                .<List<String>>read("$.data.entity.documents[*].id")).containsExactlyInAnyOrder(alicePublic, alicePrivate);

        api.actAs(bob);
        DocumentContext chunk = api.graphql("chunkMentions", Map.of("id", alicePublic));
        assertThat(chunk.<List<String>>read("$.data.document.chunks.edges[0].node.mentions[*].entity.id"))
                .containsExactly(idea);
        DocumentContext document = api.graphql("documentEntities", Map.of("id", alicePublic));
        assertThat(document.<List<String>>read("$.data.document.entities[*].id")).containsExactly(idea);
        DocumentContext cited = api.graphql("entityMentions", Map.of("id", idea));
        assertThat(cited.<List<String>>read("$.data.entity.mentions[*].document.id")).containsExactly(alicePublic);
        assertThat(cited.<List<String>>read("$.data.entity.mentions[*].chunk.id")).containsExactly(publicChunk);
        assertThat(cited.<List<String>>read("$.data.entity.documents[*].id")).containsExactly(alicePublic);
        for (DocumentContext reply : List.of(chunk, document, cited)) {
            assertThat(reply.jsonString()).doesNotContain(secret).doesNotContain("Secret plan")
                    .doesNotContain(alicePrivate).doesNotContain(privateChunk).doesNotContain("private notes");
        }
        assertThat(GraphFixtures.errorCode(api.graphql("entityMentions", Map.of("id", secret)))).isEqualTo("NOT_FOUND");
    }

    /** Following a job over the WebSocket is for its owner: anyone else gets NOT_FOUND and no event. */
    @Test
    void anotherUsersJobCannotBeFollowedOverTheWebSocket() {
        String progress = Api.operation("jobProgress");
        try (var socket = GraphQLSocket.open(server).initWith(bob.accessToken())) {
            List<DocumentContext> messages = socket.subscribe("1", progress, Map.of("id", aliceJob)).untilDone("1");
            assertThat(messages).hasSize(1);
            assertThat(messages.getFirst().<String>read("$.type")).isEqualTo("error");
            assertThat(messages.getFirst().<String>read("$.payload[0].extensions.classification")).isEqualTo("NOT_FOUND");
            assertThat(messages.getFirst().jsonString()).doesNotContain(alicePrivate).doesNotContain("SUCCEEDED");
        }
        try (var socket = GraphQLSocket.open(server).initWith(alice.accessToken())) {
            List<DocumentContext> messages = socket.subscribe("1", progress, Map.of("id", aliceJob)).untilDone("1");
            assertThat(messages).extracting(m -> m.<String>read("$.type")).containsExactly("next", "complete");
            assertThat(messages.getFirst().<String>read("$.payload.data.jobProgress.id")).isEqualTo(aliceJob);
        }
    }
}
