package org.kglab.chunks;

import org.jspecify.annotations.Nullable;
import org.kglab.embedding.ApproximateTokens;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;

/**
 * Cuts a text into chunks by its structure first, then by size. Headings and page starts are hard
 * boundaries: a chunk never spans two sections or two pages, so its heading path and page are exact. Within
 * a section, a chunk is cut at the last paragraph break (a blank line) that fits, else at the last sentence
 * end in its second half, else at the size limit. A cut inside a paragraph repeats the last
 * {@code overlapTokens} of the chunk at the start of the next; a cut at a paragraph break does not.
 * Chunks hold no surrounding whitespace, each is exactly {@code text.substring(start, end)}, and none is longer
 * than {@value #MAX_CHUNK_CHARS} characters.
 * Token counts are {@link ApproximateTokens} estimates.
 */
final class Chunker {

    static final int MAX_HEADING_PATH_CHARS = 1_000;
    /**
     * No chunk is longer than this, whatever its tokens: whitespace counts for none, and a reader of chunks
     * (GraphQL's budget of text per request) needs a bound in characters.
     */
    static final int MAX_CHUNK_CHARS = 8_192;

    private final int maxTokens;
    private final int overlapTokens;

    Chunker(int maxTokens, int overlapTokens) {
        if (maxTokens < 8 || overlapTokens < 0 || overlapTokens * 2 >= maxTokens) {
            throw new IllegalArgumentException("Chunks need max-tokens of at least 8 and overlap-tokens below half of "
                    + "it, got " + maxTokens + " and " + overlapTokens);
        }
        this.maxTokens = maxTokens;
        this.overlapTokens = overlapTokens;
    }

    List<ChunkDraft> chunk(StructuredText input) {
        String text = input.text();
        var boundaries = new TreeSet<Integer>();
        boundaries.add(0);
        boundaries.add(text.length());
        input.headings().forEach(h -> boundaries.add(Math.clamp(h.offset(), 0, text.length())));
        input.pageStarts().forEach(p -> boundaries.add(Math.clamp(p, 0, text.length())));
        List<ChunkDraft> chunks = new ArrayList<>();
        Deque<Heading> path = new ArrayDeque<>();
        int nextHeading = 0;
        Integer start = boundaries.first();
        for (Integer end = boundaries.higher(start); end != null; start = end, end = boundaries.higher(end)) {
            while (nextHeading < input.headings().size() && input.headings().get(nextHeading).offset() <= start) {
                enter(path, input.headings().get(nextHeading++));
            }
            cut(text, start, end, pageAt(input.pageStarts(), start), headingPath(path), chunks);
        }
        return chunks;
    }

    /** Cuts one section on one page into chunks of at most {@code maxTokens}. */
    private void cut(String text, int from, int to, @Nullable Integer page, String headingPath,
                     List<ChunkDraft> chunks) {
        Pieces pieces = Pieces.of(text, from, to);
        int n = pieces.size();
        int s = 0;
        while (s < n) {
            int limit = pieces.furthest(s, maxTokens, MAX_CHUNK_CHARS);
            int c = limit;
            boolean paragraphCut = false;
            if (limit < n) {
                int half = pieces.furthest(s, maxTokens / 2, MAX_CHUNK_CHARS / 2);
                int paragraph = pieces.lastParagraphStart(text, half + 1, limit);
                if (paragraph > s) {
                    c = paragraph;
                    paragraphCut = true;
                } else {
                    int sentence = pieces.lastSentenceEnd(text, half, limit);
                    c = sentence > s ? sentence : limit;
                }
            }
            chunks.add(new ChunkDraft(chunks.size(), pieces.start(s), pieces.end(c - 1), page, headingPath,
                    pieces.tokens(s, c)));
            if (c >= n) {
                break;
            }
            s = paragraphCut ? c : Math.max(s + 1, pieces.backFrom(c, overlapTokens));
        }
    }

    private static void enter(Deque<Heading> path, Heading heading) {
        while (!path.isEmpty() && path.peekLast().level() >= heading.level()) {
            path.removeLast();
        }
        path.addLast(heading);
    }

    private static String headingPath(Deque<Heading> path) {
        var joined = new StringBuilder();
        for (Heading heading : path) {
            if (!joined.isEmpty()) {
                joined.append(" > ");
            }
            joined.append(heading.text());
        }
        return joined.length() <= MAX_HEADING_PATH_CHARS ? joined.toString()
                : joined.substring(0, MAX_HEADING_PATH_CHARS);
    }

    private static @Nullable Integer pageAt(List<Integer> pageStarts, int offset) {
        if (pageStarts.isEmpty()) {
            return null;
        }
        // How many pages start at or before the offset: a binary search, as a PDF may have many thousands.
        int low = 0;
        int high = pageStarts.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (pageStarts.get(middle) <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return Math.max(1, low);
    }
}
