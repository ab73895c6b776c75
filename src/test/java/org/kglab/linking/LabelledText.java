package org.kglab.linking;

import org.kglab.platform.ClasspathResources;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-labelled document: paragraphs separated by blank lines, each one chunk, with every expected entity
 * mention written {@code [text|Type]}. The brackets are taken out of the text; the labels become spans of it.
 */
record LabelledText(List<ChunkText> chunks, List<Label> labels) {

    /** An expected mention: {@code chunk.text().substring(start, end)} is {@code text}. */
    record Label(int chunk, int start, int end, String text, String type) {
    }

    private static final Pattern MARK = Pattern.compile("\\[([^\\]|]+)\\|([A-Za-z]+)]");
    private static final String GAP = "\n\n";

    static LabelledText read(String resource) {
        List<ChunkText> chunks = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int offset = 0;
        for (String paragraph : ClasspathResources.text(resource).strip().split("\\n\\s*\\n")) {
            StringBuilder text = new StringBuilder();
            Matcher mark = MARK.matcher(paragraph.strip());
            int ordinal = chunks.size();
            while (mark.find()) {
                mark.appendReplacement(text, "");
                int start = text.length();
                text.append(mark.group(1));
                labels.add(new Label(ordinal, start, text.length(), mark.group(1), mark.group(2)));
            }
            mark.appendTail(text);
            chunks.add(new ChunkText(ordinal, text.toString(), offset, offset + text.length()));
            offset += text.length() + GAP.length();
        }
        return new LabelledText(List.copyOf(chunks), List.copyOf(labels));
    }

    ExtractionRequest request() {
        return new ExtractionRequest(UUID.randomUUID(), UUID.randomUUID(), "en", chunks);
    }
}
