package org.kglab.ingestion.web;

import java.util.Locale;
import java.util.Set;

/** What a fetch is for, and so which content types it takes. */
public enum ContentKind {
    /** Anything ingestion extracts text from: web pages and the file types uploads accept. */
    DOCUMENT("text/html, application/xhtml+xml;q=0.9, application/pdf;q=0.9, text/plain;q=0.8, text/markdown;q=0.8, "
            + "application/json;q=0.5, application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.5",
            Set.of("text/html", "application/xhtml+xml", "application/pdf", "text/plain", "text/markdown",
                    "text/x-markdown", "application/json",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")),
    /** RSS and Atom; many servers label them as plain XML. */
    FEED("application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8",
            Set.of("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"));

    private final String acceptHeader;
    private final Set<String> types;

    ContentKind(String acceptHeader, Set<String> types) {
        this.acceptHeader = acceptHeader;
        this.types = types;
    }

    String acceptHeader() {
        return acceptHeader;
    }

    boolean accepts(String mediaType) {
        return types.contains(mediaType.toLowerCase(Locale.ROOT));
    }

    String describe() {
        return String.join(", ", new java.util.TreeSet<>(types));
    }
}
