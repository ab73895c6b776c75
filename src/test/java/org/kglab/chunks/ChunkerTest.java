package org.kglab.chunks;

import org.junit.jupiter.api.Test;
import org.kglab.embedding.ApproximateTokens;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChunkerTest {

    private final Chunker chunker = new Chunker(64, 10);

    @Test
    void emptyAndBlankTextsHaveNoChunks() {
        assertThat(chunker.chunk(StructuredText.plain(""))).isEmpty();
        assertThat(chunker.chunk(StructuredText.plain(" \n\n\t "))).isEmpty();
    }

    @Test
    void aShortTextIsOneChunkWithoutItsSurroundingWhitespace() {
        String text = "  Knowledge graphs link entities.  \n";
        List<ChunkDraft> chunks = chunker.chunk(StructuredText.plain(text));

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(text.substring(c.start(), c.end())).isEqualTo("Knowledge graphs link entities.");
            assertThat(c.ordinal()).isZero();
            assertThat(c.page()).isNull();
            assertThat(c.headingPath()).isEmpty();
            assertThat(c.tokens()).isEqualTo(ApproximateTokens.count("Knowledge graphs link entities."));
        });
    }

    @Test
    void markdownHeadingsStartChunksAndNameTheirPath() {
        String text = """
                # 1 Introduction
                Graphs are everywhere.

                # 2 Methods
                We did things.

                ## 2.1 Data
                The data came from papers.

                ### 2.1.1 Cleaning
                It was cleaned.

                ## 2.2 Models
                Models were trained.""";
        var headings = List.of(heading(1, "1 Introduction", text), heading(1, "2 Methods", text),
                heading(2, "2.1 Data", text), heading(3, "2.1.1 Cleaning", text), heading(2, "2.2 Models", text));

        List<ChunkDraft> chunks = chunker.chunk(new StructuredText(text, headings, List.of()));

        assertThat(chunks).extracting(ChunkDraft::headingPath).containsExactly("1 Introduction", "2 Methods",
                "2 Methods > 2.1 Data", "2 Methods > 2.1 Data > 2.1.1 Cleaning", "2 Methods > 2.2 Models");
        assertThat(chunks).extracting(c -> text.substring(c.start(), c.end())).containsExactly(
                "# 1 Introduction\nGraphs are everywhere.", "# 2 Methods\nWe did things.",
                "## 2.1 Data\nThe data came from papers.", "### 2.1.1 Cleaning\nIt was cleaned.",
                "## 2.2 Models\nModels were trained.");
        assertThat(chunks).extracting(ChunkDraft::ordinal).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void textBeforeTheFirstHeadingHasAnEmptyPath() {
        String text = "Preface words.\n# Body\nMain words.";
        List<ChunkDraft> chunks = chunker.chunk(new StructuredText(text, List.of(heading(1, "Body", text)),
                List.of()));

        assertThat(chunks).extracting(ChunkDraft::headingPath).containsExactly("", "Body");
    }

    @Test
    void pagesAreBoundariesAndNumberedFromOne() {
        String page1 = "First page text.\n";
        String page2 = "Second page text.\n";
        String page3 = "Third page text.";
        String text = page1 + page2 + page3;
        var pages = List.of(0, page1.length(), page1.length() + page2.length());

        List<ChunkDraft> chunks = chunker.chunk(new StructuredText(text, List.of(), pages));

        assertThat(chunks).extracting(ChunkDraft::page).containsExactly(1, 2, 3);
        assertThat(chunks).extracting(c -> text.substring(c.start(), c.end()))
                .containsExactly("First page text.", "Second page text.", "Third page text.");
    }

    @Test
    void aHeadingInsideAPageKeepsThePageNumber() {
        String text = "Page one.\nPage two starts.\n# Results\nNumbers.";
        int page2 = text.indexOf("Page two");
        List<ChunkDraft> chunks = chunker.chunk(new StructuredText(text, List.of(heading(1, "Results", text)),
                List.of(0, page2)));

        assertThat(chunks).extracting(ChunkDraft::page).containsExactly(1, 2, 2);
        assertThat(chunks).extracting(ChunkDraft::headingPath).containsExactly("", "", "Results");
    }

    @Test
    void paragraphsArePackedAndCutAtBlankLinesWithoutOverlap() {
        String paragraph = "Entities link documents in the graph and the graph links them back again. ";
        String first = paragraph.repeat(3).strip();
        String second = paragraph.repeat(3).strip();
        String text = first + "\n\n" + second;
        assertThat(ApproximateTokens.count(first)).isLessThan(64);
        assertThat(ApproximateTokens.count(text)).isGreaterThan(64);

        List<ChunkDraft> chunks = chunker.chunk(StructuredText.plain(text));

        assertThat(chunks).extracting(c -> text.substring(c.start(), c.end())).containsExactly(first, second);
    }

    @Test
    void aLongParagraphIsCutBySizeWithOverlap() {
        String text = "Graphs connect the entities of many research documents together. ".repeat(40).strip();
        List<ChunkDraft> chunks = chunker.chunk(StructuredText.plain(text));

        assertThat(chunks).hasSizeGreaterThan(3);
        for (int i = 0; i < chunks.size(); i++) {
            ChunkDraft chunk = chunks.get(i);
            assertThat(chunk.tokens()).isLessThanOrEqualTo(64);
            assertThat(chunk.tokens()).isEqualTo(ApproximateTokens.count(text.substring(chunk.start(), chunk.end())));
            if (i > 0) {
                ChunkDraft previous = chunks.get(i - 1);
                // Overlap: the chunk starts inside the previous one, about 10 tokens before its end.
                assertThat(chunk.start()).isLessThan(previous.end()).isGreaterThan(previous.start());
                assertThat(ApproximateTokens.count(text.substring(chunk.start(), previous.end())))
                        .isBetween(1, 10);
            }
        }
        assertThat(chunks.getFirst().start()).isZero();
        assertThat(chunks.getLast().end()).isEqualTo(text.length());
        // Cut at sentence ends where one falls in the second half of the window.
        assertThat(chunks.subList(0, chunks.size() - 1))
                .allSatisfy(c -> assertThat(text.charAt(c.end() - 1)).isEqualTo('.'));
    }

    @Test
    void aWordWithoutSpacesIsStillCut() {
        String text = "x".repeat(5_000);
        List<ChunkDraft> chunks = chunker.chunk(StructuredText.plain(text));

        assertThat(chunks).allSatisfy(c -> assertThat(c.tokens()).isLessThanOrEqualTo(64));
        assertThat(chunks.getLast().end()).isEqualTo(text.length());
    }

    @Test
    void whitespaceDoesNotMakeAChunkUnboundedInCharacters() {
        String text = ("word" + " ".repeat(3_000)).repeat(20).strip();
        List<ChunkDraft> chunks = chunker.chunk(StructuredText.plain(text));

        assertThat(chunks).hasSizeGreaterThan(1)
                .allSatisfy(c -> assertThat(c.end() - c.start()).isLessThanOrEqualTo(Chunker.MAX_CHUNK_CHARS));
    }

    @Test
    void offsetsAreExactForEveryChunk() {
        String text = "## Über Graphen\n\nDie Knoten – und Kanten 😀 verbinden.\r\n\r\n" + "Wörter und Sätze. ".repeat(80)
                + "\n# Next\nEnd.";
        var headings = List.of(heading(2, "Über Graphen", text), heading(1, "Next", text));
        List<ChunkDraft> chunks = chunker.chunk(new StructuredText(text, headings, List.of()));

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks).allSatisfy(c -> {
            String chunk = text.substring(c.start(), c.end());
            assertThat(chunk).isEqualTo(chunk.strip()).isNotEmpty();
        });
        assertThat(chunks.getLast().headingPath()).isEqualTo("Next");
        assertThat(text.substring(chunks.getLast().start(), chunks.getLast().end())).isEqualTo("# Next\nEnd.");
    }

    @Test
    void refusesAnOverlapOfHalfTheChunkOrMore() {
        assertThatThrownBy(() -> new Chunker(64, 32)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Heading heading(int level, String title, String text) {
        int offset = text.indexOf("#".repeat(level) + " " + title);
        assertThat(offset).as(title).isNotNegative();
        return new Heading(level, title, offset);
    }
}
