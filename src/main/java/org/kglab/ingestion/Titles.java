package org.kglab.ingestion;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A document's title: its own (the metadata, or a Markdown file's first heading), else the file name. */
final class Titles {

    /** An ATX heading: one to six '#', a space, the words, optionally closing '#'s. */
    private static final Pattern ATX = Pattern.compile("^ {0,3}#{1,6}[ \\t]+(.*?)(?:[ \\t]+#+)?[ \\t]*$");
    /** The line under a Setext heading. */
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(?:```|~~~).*$");

    private Titles() {
    }

    static String of(SupportedType type, Metadata metadata, String text, String fileName) {
        Optional<String> own = type == SupportedType.MARKDOWN
                ? firstHeading(text)
                : Optional.ofNullable(metadata.get(TikaCoreProperties.TITLE)).map(String::strip);
        return own.filter(t -> !t.isBlank()).orElse(fileName.isBlank() ? "Untitled" : fileName);
    }

    /** A title a source states (a web page, a feed item): one line, of a sensible length. */
    static String bounded(String title) {
        String t = title.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        return t.length() <= 500 ? t : t.substring(0, 500) + "…";
    }

    static Optional<String> firstHeading(String markdown) {
        String[] lines = markdown.split("\\R", -1);
        boolean inFence = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
                continue;
            }
            if (inFence) {
                continue;
            }
            Matcher atx = ATX.matcher(line);
            if (atx.matches() && !atx.group(1).isBlank()) {
                return Optional.of(atx.group(1).strip());
            }
            boolean paragraphLine = !line.isBlank() && !line.startsWith("    ") && !line.startsWith("\t");
            if (paragraphLine && i + 1 < lines.length && SETEXT_UNDERLINE.matcher(lines[i + 1]).matches()
                    && !SETEXT_UNDERLINE.matcher(line).matches()) {
                return Optional.of(line.strip());
            }
        }
        return Optional.empty();
    }
}
