package org.kglab.linking;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DocumentTextTest {

    @Test
    void rebuildsTheTextFromOverlappingChunksWithGapsAsLineBreaks() {
        DocumentText text = DocumentText.of(List.of(
                new ChunkText(1, "beta gamma", 16, 26),
                new ChunkText(0, "alpha beta", 10, 20)), 1_000);

        assertThat(text.text()).isEqualTo("alpha beta gamma");
        assertThat(text.mentions(6, 10, 0.5)).extracting(Mention::chunkOrdinal, Mention::start, Mention::text)
                .containsExactly(tuple(0, 6, "beta"), tuple(1, 0, "beta"));
        assertThat(text.truncated()).isFalse();
    }

    @Test
    void citesNoChunkForASpanThatNoChunkHoldsWhole() {
        DocumentText text = DocumentText.of(List.of(
                new ChunkText(0, "alpha", 0, 5),
                new ChunkText(1, "beta", 6, 10)), 1_000);

        assertThat(text.text()).isEqualTo("alpha\nbeta");
        assertThat(text.mentions(3, 8, 0.5)).isEmpty();
    }

    @Test
    void neverRebuildsMoreThanTheBoundHoweverFarApartTheChunksAre() {
        DocumentText text = DocumentText.of(List.of(
                new ChunkText(0, "alpha", 0, 5),
                new ChunkText(1, "far away", 2_000_000_000, 2_000_000_008)), 1_000);

        assertThat(text.text()).hasSize(5);
        assertThat(text.truncated()).isTrue();
    }
}
