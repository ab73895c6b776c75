package org.kglab.ingestion;

import org.jspecify.annotations.Nullable;
import org.kglab.chunks.Heading;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of Markdown text: ATX ({@code # Title} .. {@code ###### Title}) and setext (a paragraph underlined
 * with {@code ===} for level 1 or {@code ---} for level 2). Tika reads Markdown as plain text, so its headings are
 * found here, line by line, outside fenced code blocks. As in CommonMark, {@code ---} with no paragraph above it
 * (after a blank line, a heading or a list item) is a thematic break, not a heading; and YAML front matter at the
 * start of the text is not read as one.
 */
final class MarkdownHeadings {

    private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern SETEXT = Pattern.compile("^ {0,3}(=+|-+)[ \\t]*$");
    private static final Pattern BREAK = Pattern.compile("^ {0,3}(?:(?:\\*[ \\t]*){3,}|(?:-[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    /** Lines that open a block a setext underline cannot turn into a heading: a list item or a block quote. */
    private static final Pattern NOT_A_PARAGRAPH = Pattern.compile("^ {0,3}(?:[-+*][ \\t]|\\d{1,9}[.)][ \\t]|>)");

    private final String text;
    private final List<Heading> headings = new ArrayList<>();
    private @Nullable String fence;
    /** Where the open paragraph starts, and its lines so far; -1 when none is open. */
    private int paragraphStart = -1;
    private final StringBuilder paragraph = new StringBuilder();
    /** False while the open block is one a setext underline does not make a heading of. */
    private boolean paragraphCounts;
    private boolean indentedCode;

    private MarkdownHeadings(String text) {
        this.text = text;
    }

    static List<Heading> of(String text) {
        var reader = new MarkdownHeadings(text);
        int lineStart = frontMatterEnd(text);
        while (lineStart < text.length() && reader.headings.size() < StructureRecorder.MAX_HEADINGS) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd);
            reader.line(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line, lineStart);
            lineStart = lineEnd + 1;
        }
        return reader.headings;
    }

    private void line(String line, int offset) {
        Matcher fenceMatch = FENCE.matcher(line);
        if (fenceMatch.find()) {
            String marker = fenceMatch.group(1);
            fence = fence == null ? marker : (fence.equals(marker) ? null : fence);
            endParagraph();
        } else if (fence == null && !setext(line)) {
            block(line, offset);
        }
    }

    /** Whether the line underlines the open paragraph, which then becomes a heading. */
    private boolean setext(String line) {
        Matcher underline = SETEXT.matcher(line);
        if (paragraphStart < 0 || !paragraphCounts || !underline.matches()) {
            return false;
        }
        String words = paragraph.toString().strip();
        int level = underline.group(1).charAt(0) == '=' ? 1 : 2;
        headings.add(new Heading(level, StructureRecorder.shorten(words), paragraphStart));
        endParagraph();
        return true;
    }

    private void block(String line, int offset) {
        Matcher atx = ATX.matcher(line);
        if (atx.matches()) {
            if (!atx.group(2).isBlank()) {
                headings.add(new Heading(atx.group(1).length(), StructureRecorder.shorten(atx.group(2).strip()),
                        offset + line.indexOf('#')));
            }
            endParagraph();
        } else if (line.isBlank() || BREAK.matcher(line).matches()) {
            endParagraph();
        } else if (NOT_A_PARAGRAPH.matcher(line).find()) {
            endParagraph();
            paragraphStart = offset;
            paragraphCounts = false;
        } else if (paragraphStart < 0 || (indentedCode && indent(line) < 4)) {
            endParagraph();
            // Four spaces of indent open a code block, not a paragraph; a line with less ends that block.
            indentedCode = indent(line) >= 4;
            paragraphStart = offset + indent(line);
            paragraphCounts = !indentedCode;
            paragraph.append(line.strip());
        } else {
            paragraph.append(' ').append(line.strip());
        }
    }

    private void endParagraph() {
        paragraphStart = -1;
        paragraph.setLength(0);
        paragraphCounts = false;
        indentedCode = false;
    }

    private static int indent(String line) {
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    /** Where the text after a YAML front matter block ({@code ---} on the first line, to {@code ---} or {@code ...}) starts. */
    private static int frontMatterEnd(String text) {
        if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
            return 0;
        }
        int lineStart = text.indexOf('\n') + 1;
        while (lineStart < text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            String line = text.substring(lineStart, lineEnd).strip();
            if (line.equals("---") || line.equals("...")) {
                return lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        // Never closed: not front matter after all.
        return 0;
    }
}
