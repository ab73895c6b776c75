package org.kglab.graph.entity;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kglab.graph.entity.GraphFixtures.assertNoErrors;
import static org.kglab.graph.entity.GraphFixtures.concept;
import static org.kglab.graph.entity.MentionFixtures.chunksInGraph;
import static org.kglab.graph.entity.MentionFixtures.mention;

/** The fields across the stores: a chunk's and a document's entities, an entity's mentions and documents. */
@MicronautTest(transactional = false)
class MentionFieldsIT extends IntegrationTest {

    @Test
    void aChunkListsTheEntitiesMentionedInItInTextOrder() {
        String document = api.uploadText("ada.md", "Ada Lovelace wrote about the Analytical Engine.");
        String chunk = chunksInGraph(stores, document).getFirst();
        String engine = concept(api, "Analytical Engine", "PRIVATE");
        String ada = concept(api, "Ada Lovelace", "PRIVATE");
        mention(stores, engine, chunk, 29, 46, 0.8);
        mention(stores, ada, chunk, 0, 12, 0.9);

        DocumentContext reply = api.graphql("chunkMentions", Map.of("id", document));
        assertNoErrors(reply);
        String mentions = "$.data.document.chunks.edges[0].node.mentions";
        assertThat(reply.<List<String>>read(mentions + "[*].entity.id")).containsExactly(ada, engine);
        assertThat(reply.<List<String>>read(mentions + "[*].entity.name"))
                .containsExactly("Ada Lovelace", "Analytical Engine");
        assertThat(reply.<List<Integer>>read(mentions + "[*].start")).containsExactly(0, 29);
        assertThat(reply.<List<Integer>>read(mentions + "[*].end")).containsExactly(12, 46);
        assertThat(reply.<List<Double>>read(mentions + "[*].confidence")).containsExactly(0.9, 0.8);
    }

    @Test
    void aDocumentListsItsDistinctEntitiesMostMentionedFirstUpToFirst() {
        String document = api.uploadText("notes.md", "# One\n\nGraphs and trees.\n\n# Two\n\nGraphs again.");
        List<String> chunks = chunksInGraph(stores, document);
        String graphs = concept(api, "Graphs", "PRIVATE");
        String trees = concept(api, "Trees", "PUBLIC");
        mention(stores, trees, chunks.getFirst(), 11, 16, 0.7);
        mention(stores, graphs, chunks.getFirst(), 0, 6, 0.9);
        mention(stores, graphs, chunks.getLast(), 0, 6, 0.9);

        DocumentContext all = api.graphql("documentEntities", Map.of("id", document));
        assertNoErrors(all);
        assertThat(all.<List<String>>read("$.data.document.entities[*].id")).containsExactly(graphs, trees);
        assertThat(api.graphql("documentEntities", Map.of("id", document, "first", 1))
                .<List<String>>read("$.data.document.entities[*].name")).containsExactly("Graphs");
        DocumentContext cited = api.graphql("entityMentions", Map.of("id", graphs));
        assertThat(cited.<List<String>>read("$.data.entity.mentions[*].chunk.id"))
                .containsExactly(chunks.getFirst(), chunks.getLast());
        assertThat(cited.<List<String>>read("$.data.entity.documents[*].id")).containsExactly(document);
        DocumentContext tooMany = api.graphql("documentEntities", Map.of("id", document, "first", 101));
        assertThat(GraphFixtures.errorCode(tooMany)).isEqualTo("BAD_REQUEST");
        assertThat(tooMany.<String>read("$.errors[0].message")).contains("between 1 and 100");
    }

    @Test
    void anEntityCitesTheChunksAndDocumentsThatMentionIt() {
        String older = api.uploadText("older.md", "Turing machines compute.");
        String newer = api.uploadText("newer.md", "A Turing machine has a tape.");
        String olderChunk = chunksInGraph(stores, older).getFirst();
        String newerChunk = chunksInGraph(stores, newer).getFirst();
        String turing = concept(api, "Turing machine", "PRIVATE");
        mention(stores, turing, olderChunk, 0, 15, 0.6);
        mention(stores, turing, newerChunk, 2, 16, 0.95);

        DocumentContext reply = api.graphql("entityMentions", Map.of("id", turing));
        assertNoErrors(reply);
        assertThat(reply.<List<String>>read("$.data.entity.mentions[*].document.id")).containsExactly(newer, older);
        assertThat(reply.<List<String>>read("$.data.entity.mentions[*].chunk.id"))
                .containsExactly(newerChunk, olderChunk);
        assertThat(reply.<List<String>>read("$.data.entity.mentions[*].chunk.text"))
                .containsExactly("A Turing machine has a tape.", "Turing machines compute.");
        assertThat(reply.<List<String>>read("$.data.entity.mentions[*].document.title"))
                .containsExactly("newer.md", "older.md");
        assertThat(reply.<List<Integer>>read("$.data.entity.mentions[*].start")).containsExactly(2, 0);
        assertThat(reply.<List<Integer>>read("$.data.entity.mentions[*].end")).containsExactly(16, 15);
        assertThat(reply.<List<String>>read("$.data.entity.documents[*].id")).containsExactly(newer, older);
        DocumentContext one = api.graphql("entityMentions", Map.of("id", turing, "first", 1));
        assertThat(one.<List<String>>read("$.data.entity.mentions[*].chunk.id")).containsExactly(newerChunk);
        assertThat(one.<List<String>>read("$.data.entity.documents[*].id")).containsExactly(newer);
        assertThat(GraphFixtures.errorCode(api.graphql("entityMentions", Map.of("id", turing, "first", 0))))
                .isEqualTo("BAD_REQUEST");
    }
}
