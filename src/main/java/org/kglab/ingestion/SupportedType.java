package org.kglab.ingestion;

import org.apache.tika.mime.MediaType;

import java.util.Locale;
import java.util.Optional;

/**
 * The file types we extract, and how each is parsed. Types are detected from the bytes; for
 * bytes that are plain text, the file name says whether they are Markdown or JSON, which is safe
 * because all three are then read as text.
 */
enum SupportedType {
    PDF("application/pdf", "application/pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    HTML("text/html", "text/html"),
    MARKDOWN("text/markdown", "text/plain"),
    JSON("application/json", "text/plain"),
    TEXT("text/plain", "text/plain");

    private final MediaType mediaType;
    private final MediaType parseAs;

    SupportedType(String mediaType, String parseAs) {
        this.mediaType = MediaType.parse(mediaType);
        this.parseAs = MediaType.parse(parseAs);
    }

    MediaType mediaType() {
        return mediaType;
    }

    MediaType parseAs() {
        return parseAs;
    }

    static Optional<SupportedType> of(MediaType detected, String fileName) {
        String type = detected.getBaseType().toString();
        return switch (type) {
            case "application/pdf" -> Optional.of(PDF);
            case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> Optional.of(DOCX);
            case "text/html", "application/xhtml+xml" -> Optional.of(HTML);
            case "application/json" -> Optional.of(JSON);
            case "text/plain" -> Optional.of(refineText(fileName));
            default -> Optional.empty();
        };
    }

    private static SupportedType refineText(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return MARKDOWN;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        return TEXT;
    }
}
