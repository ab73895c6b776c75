package org.kglab.chunks;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.kglab.documents.DocumentId;
import org.kglab.embedding.EmbeddingModel;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.Fixtures;
import org.kglab.support.IntegrationTest;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads of every structured format end as chunks with headings, pages and exact offsets, embedded by the
 * real in-process model, searchable through the HNSW index, and projected to Neo4j; replacing them replaces
 * them in both stores.
 */
@MicronautTest(transactional = false)
class ChunksIT extends IntegrationTest {

    private static final String PAPER = """
            # 1 Introduction
            Knowledge graphs connect entities that appear across many research papers.

            # 2 Methods
            We describe how the work was done.

            ## 2.1 Data
            The corpus holds ten thousand abstracts about protein folding, downloaded from a public archive.

            ## 2.2 Models
            A gradient boosted tree classifier was trained for forty epochs on a single GPU.
            """;

    @Inject
    EmbeddingModel model;

    @Inject
    ChunkService chunkService;

    @Inject
    DataSource dataSource;

    @Test
    void aMarkdownUploadIsChunkedByItsHeadingsWithExactOffsets() {
        String id = api.uploadText("paper.md", PAPER);

        DocumentContext reply = api.graphql("documentChunks", Map.of("id", id));
        String text = reply.read("$.data.document.text");
        List<Map<String, Object>> chunks = reply.read("$.data.document.chunks.edges[*].node");

        assertThat(chunks).extracting(c -> c.get("headingPath")).containsExactly(
                "1 Introduction", "2 Methods", "2 Methods > 2.1 Data", "2 Methods > 2.2 Models");
        assertThat(chunks).extracting(c -> c.get("ordinal")).containsExactly(0, 1, 2, 3);
        assertThat(chunks).allSatisfy(c -> {
            assertThat(text.substring((int) c.get("startOffset"), (int) c.get("endOffset"))).isEqualTo(c.get("text"));
            assertThat(c.get("page")).isNull();
            assertThat((int) c.get("tokenCount")).isPositive();
        });
        assertThat((String) chunks.get(3).get("text")).startsWith("## 2.2 Models").endsWith("single GPU.");
    }

    @Test
    void everyChunkHasA384DimensionalVectorOfTheModelItNames() {
        String id = api.uploadText("paper.md", PAPER);

        assertThat(stores.count("SELECT count(*) FROM chunks WHERE document_id = '" + id + "'")).isEqualTo(4);
        assertThat(stores.count("SELECT count(*) FROM chunks WHERE document_id = '" + id + "' AND embedding_model = "
                + "'bge-small-en-v1.5-q' AND embedding_dim = 384 AND vector_dims(embedding) = 384")).isEqualTo(4);
        // The model's own tokenizer: "Knowledge graphs connect entities" is not split into letters.
        assertThat(stores.count("SELECT token_count FROM chunks WHERE document_id = '" + id + "' AND ordinal = 0"))
                .isBetween(10L, 30L);
    }

    @Test
    void aCosineQueryFindsTheRightChunkThroughTheHnswIndex() throws SQLException {
        String id = api.uploadText("paper.md", PAPER);
        String query = new com.pgvector.PGvector(model.embed(List.of("How was the classifier trained?")).getFirst())
                .toString();

        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // Four rows would be read sequentially; the plan that a large table gets is what is checked.
                s.execute("SET LOCAL enable_seqscan = off");
            }
            String nearest = """
                    SELECT heading_path FROM chunks WHERE embedding_model = 'bge-small-en-v1.5-q'
                    ORDER BY embedding <=> CAST(? AS vector) LIMIT 1
                    """;
            assertThat(String.join("\n", rows(c, "EXPLAIN " + nearest, query))).contains("chunks_embedding_idx");
            assertThat(rows(c, nearest, query)).containsExactly("2 Methods > 2.2 Models");
            c.rollback();
        }
        assertThat(id).isNotNull();
    }

    @Test
    void aPdfIsChunkedByPagesNumberedFromOne() {
        String id = api.uploadReady("report.pdf", Fixtures.pdfPages(
                "The first page is about graphs.", "The second page is about chunks.", "The third page ends it."), null);

        DocumentContext document = api.graphql("documentChunks", Map.of("id", id));
        String text = document.read("$.data.document.text");
        List<Map<String, Object>> chunks = document.read("$.data.document.chunks.edges[*].node");

        assertThat(chunks).extracting(c -> c.get("page")).containsExactly(1, 2, 3);
        assertThat(chunks).extracting(c -> c.get("text")).containsExactly(
                "The first page is about graphs.", "The second page is about chunks.", "The third page ends it.");
        assertThat(chunks).allSatisfy(c -> assertThat(
                text.substring((int) c.get("startOffset"), (int) c.get("endOffset"))).isEqualTo(c.get("text")));
    }

    @Test
    void docxAndHtmlHeadingsMakeHeadingPaths() {
        Api.Reply docx = api.upload("thesis.docx", Fixtures.docxOutline("#Methods", "We measured things.",
                "##Data", "The data came from sensors.", "#Results", "It worked."));
        Api.Reply html = api.upload("page.html", Fixtures.text("<html><head><title>T</title></head><body>"
                + "<h1>Guide</h1><p>Intro words.</p><h2>Install</h2><p>Run the installer.</p></body></html>"));

        assertThat(headingPaths(docx)).containsExactly("Methods", "Methods > Data", "Results");
        assertThat(headingPaths(html)).containsExactly("Guide", "Guide > Install");
    }

    @Test
    void chunksAreProjectedToTheGraphUnderTheirDocument() {
        String id = api.uploadText("paper.md", PAPER);

        Eventually.await("four chunk nodes", () -> stores.cypherCount(
                "MATCH (:Document {id: '" + id + "'})-[:HAS_CHUNK]->(c:Chunk) RETURN count(c)") == 4);
        assertThat(stores.cypherCount("MATCH (:Document {id: '" + id + "'})-[:HAS_CHUNK]->(c:Chunk) "
                + "WHERE c.ordinal IN [0, 1, 2, 3] RETURN count(DISTINCT c.ordinal)")).isEqualTo(4);
        assertThat(chunkIdsInGraph(id)).containsExactlyInAnyOrderElementsOf(chunkIdsInSql(id));
    }

    @Test
    void replacingTheChunksReplacesThemInBothStores() {
        String id = api.uploadText("paper.md", PAPER);
        Eventually.await("the first chunks in the graph", () -> chunkIdsInGraph(id).size() == 4);
        List<String> before = chunkIdsInSql(id);
        Map<ChunkProgress.Step, List<Double>> progress = new HashMap<>();

        int stored = chunkService.replaceChunks(new DocumentId(java.util.UUID.fromString(id)),
                StructuredText.plain("A single short paragraph now."),
                (step, fraction) -> progress.computeIfAbsent(step, s -> new ArrayList<>()).add(fraction));

        assertThat(stored).isEqualTo(1);
        List<String> after = chunkIdsInSql(id);
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(progress.get(ChunkProgress.Step.EMBEDDING)).startsWith(0.0).endsWith(1.0);
        assertThat(progress).containsKeys(ChunkProgress.Step.CHUNKING, ChunkProgress.Step.STORING);
        Eventually.await("only the new chunk in the graph", () -> chunkIdsInGraph(id).equals(after));
        assertThat(stores.count("SELECT chunks_version FROM documents WHERE id = '" + id + "'")).isEqualTo(2);
    }

    @Test
    void documentsEmbeddedByAnotherModelAreListedForReembedding() {
        api.uploadText("current.md", "# Now\nEmbedded by the configured model.");
        String old = api.uploadText("old.md", "# Then\nEmbedded by a model used before.");
        assertThat(chunkService.documentsToReembed(100)).isEmpty();

        stores.sql("UPDATE chunks SET embedding_model = 'all-minilm-l6-v2' WHERE document_id = '" + old + "'");

        assertThat(chunkService.documentsToReembed(100)).extracting(d -> d.toString()).containsExactly(old);
        chunkService.replaceChunks(DocumentId.parse(old), StructuredText.plain("Embedded again."), ChunkProgress.NONE);
        assertThat(chunkService.documentsToReembed(100)).isEmpty();
    }

    @Test
    void deletingTheDocumentDeletesItsChunksInBothStores() {
        String id = api.uploadText("paper.md", PAPER);
        Eventually.await("chunks in the graph", () -> chunkIdsInGraph(id).size() == 4);

        DocumentContext deleted = api.graphql("deleteDocument", Map.of("id", id));

        assertThat(deleted.<Boolean>read("$.data.deleteDocument")).isTrue();
        assertThat(stores.count("SELECT count(*) FROM chunks")).isZero();
        Eventually.await("no chunk nodes", () -> stores.cypherCount("MATCH (c:Chunk) RETURN count(c)") == 0);
    }

    @Test
    void chunksArePagedWithCursors() {
        String id = api.uploadText("paper.md", PAPER);

        DocumentContext first = api.graphql("documentChunks", Map.of("id", id, "first", 3));
        assertThat(first.<List<Integer>>read("$.data.document.chunks.edges[*].node.ordinal")).containsExactly(0, 1, 2);
        assertThat(first.<Boolean>read("$.data.document.chunks.pageInfo.hasNextPage")).isTrue();
        String cursor = first.read("$.data.document.chunks.pageInfo.endCursor");

        DocumentContext rest = api.graphql("documentChunks", Map.of("id", id, "first", 3, "after", cursor));
        assertThat(rest.<List<Integer>>read("$.data.document.chunks.edges[*].node.ordinal")).containsExactly(3);
        assertThat(rest.<Boolean>read("$.data.document.chunks.pageInfo.hasNextPage")).isFalse();

        DocumentContext bad = api.graphql("documentChunks", Map.of("id", id, "after", "not-a-cursor"));
        assertThat(bad.<String>read("$.errors[0].extensions.classification")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aPageOfDocumentsGetsEachDocumentsChunks() {
        String a = api.uploadText("a.md", "# Alpha\nFirst document.");
        String b = api.uploadText("b.md", "# Beta\nSecond document.\n# Gamma\nMore.");

        DocumentContext reply = api.graphql("documentsChunks", Map.of());

        assertThat(reply.<List<String>>read("$.data.documents.edges[?(@.node.id == '" + a
                + "')].node.chunks.edges[*].node.headingPath")).containsExactly("Alpha");
        assertThat(reply.<List<String>>read("$.data.documents.edges[?(@.node.id == '" + b
                + "')].node.chunks.edges[*].node.headingPath")).containsExactly("Beta", "Gamma");
    }

    @Test
    void anEmptyTextHasNoChunks() {
        Api.Reply reply = api.upload("blank.txt", Fixtures.text("   \n\n  "));

        if (reply.status() == 202) {
            api.awaitJobEnd(reply.json().read("$.jobId"));
            assertThat(stores.count("SELECT count(*) FROM chunks")).isZero();
        } else {
            assertThat(reply.status()).isBetween(400, 499);
        }
    }

    private List<String> headingPaths(Api.Reply upload) {
        assertThat(upload.status()).as(upload.body()).isEqualTo(202);
        assertThat(api.awaitJobEnd(upload.json().read("$.jobId")).<String>read("$.state")).isEqualTo("SUCCEEDED");
        return api.graphql("documentChunks", Map.of("id", upload.json().read("$.documentId")))
                .read("$.data.document.chunks.edges[*].node.headingPath");
    }

    private List<String> chunkIdsInSql(String documentId) {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            return rows(c, "SELECT id::text FROM chunks WHERE document_id = CAST(? AS uuid) ORDER BY ordinal",
                    documentId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> chunkIdsInGraph(String documentId) {
        return stores.cypherStrings("MATCH (:Document {id: '" + documentId + "'})-[:HAS_CHUNK]->(c:Chunk) "
                + "RETURN c.id ORDER BY c.ordinal");
    }

    private static List<String> rows(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                var rows = new ArrayList<String>();
                while (r.next()) {
                    rows.add(r.getString(1));
                }
                return rows;
            }
        }
    }
}
