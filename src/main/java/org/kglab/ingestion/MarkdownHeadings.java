package org.kglab.ingestion;

import org.kglab.chunks.Heading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ATX headings ({@code # Title} .. {@code ###### Title}) of Markdown text. Tika reads Markdown as plain
 * text, so its headings are found here, line by line, outside fenced code blocks. Setext headings (a line
 * underlined with {@code ===}) are not recognised.
 */
final class MarkdownHeadings {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");

    private MarkdownHeadings() {
    }

    static List<Heading> of(String text) {
        List<Heading> headings = new ArrayList<>();
        String fence = null;
        int lineStart = 0;
        while (lineStart < text.length() && headings.size() < StructureRecorder.MAX_HEADINGS) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd);
            Matcher fenceMatch = FENCE.matcher(line);
            if (fenceMatch.find()) {
                String marker = fenceMatch.group(1);
                fence = fence == null ? marker : (fence.equals(marker) ? null : fence);
            } else if (fence == null) {
                Matcher atx = ATX.matcher(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
                if (atx.matches() && !atx.group(2).isBlank()) {
                    int offset = lineStart + line.indexOf('#');
                    headings.add(new Heading(atx.group(1).length(), StructureRecorder.shorten(atx.group(2).strip()),
                            offset));
                }
            }
            lineStart = lineEnd + 1;
        }
        return headings;
    }
}
