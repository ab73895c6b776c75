package org.kglab.linking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A document's text rebuilt from its chunks, so that sentences are read once each even where chunks overlap, and
 * a span of it found again in every chunk that holds it. Gaps between chunks (whitespace the chunker left out)
 * become line breaks. At most {@code maxChars} characters from the first chunk's start are rebuilt.
 */
final class DocumentText {

    private final String text;
    private final int base;
    private final List<ChunkText> chunks;
    private final boolean truncated;

    private DocumentText(String text, int base, List<ChunkText> chunks, boolean truncated) {
        this.text = text;
        this.base = base;
        this.chunks = chunks;
        this.truncated = truncated;
    }

    static DocumentText of(List<ChunkText> chunks, int maxChars) {
        List<ChunkText> sorted = chunks.stream().sorted(Comparator.comparingInt(ChunkText::startOffset)).toList();
        if (sorted.isEmpty()) {
            return new DocumentText("", 0, List.of(), false);
        }
        int base = sorted.getFirst().startOffset();
        long limit = (long) base + maxChars;
        int end = (int) Math.min(limit, sorted.stream().filter(c -> c.startOffset() < limit)
                .mapToInt(ChunkText::endOffset).max().orElse(base));
        char[] chars = new char[end - base];
        Arrays.fill(chars, '\n');
        List<ChunkText> read = new ArrayList<>();
        for (ChunkText chunk : sorted) {
            if (chunk.startOffset() >= end) {
                continue;
            }
            int length = Math.min(chunk.endOffset(), end) - chunk.startOffset();
            chunk.text().getChars(0, length, chars, chunk.startOffset() - base);
            read.add(chunk);
        }
        boolean truncated = sorted.stream().anyMatch(c -> c.endOffset() > end);
        return new DocumentText(new String(chars), base, List.copyOf(read), truncated);
    }

    String text() {
        return text;
    }

    boolean truncated() {
        return truncated;
    }

    /**
     * The mentions of {@code text[start, end)}: one in each chunk that holds the whole span with the same
     * characters, with offsets into that chunk's text. None when no chunk holds it whole (a span across a cut).
     */
    List<Mention> mentions(int start, int end, double confidence) {
        String surface = text.substring(start, end);
        int from = base + start;
        int to = base + end;
        List<Mention> found = new ArrayList<>(1);
        for (ChunkText chunk : chunks) {
            if (chunk.startOffset() > from) {
                break;
            }
            if (chunk.endOffset() >= to && chunk.text().startsWith(surface, from - chunk.startOffset())) {
                int local = from - chunk.startOffset();
                found.add(new Mention(chunk.ordinal(), local, local + surface.length(), surface, confidence));
            }
        }
        return found;
    }
}
