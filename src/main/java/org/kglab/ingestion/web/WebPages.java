package org.kglab.ingestion.web;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The readable part of a web page: its main content without navigation, ads, sidebars and footers
 * (Readability4j, a port of the reader view's Readability), with the page's title, author,
 * publication date and canonical URL.
 */
final class WebPages {

    /** Where pages state when they were published, in the order they are trusted. */
    private static final List<String> PUBLISHED = List.of(
            "meta[property=article:published_time]", "meta[name=article:published_time]",
            "meta[itemprop=datePublished]", "meta[name=citation_publication_date]", "meta[name=DC.date.issued]",
            "meta[name=dcterms.date]", "meta[name=date]", "meta[name=pubdate]", "meta[property=og:published_time]");
    private static final List<String> AUTHOR = List.of(
            "meta[name=author]", "meta[property=article:author]", "meta[name=citation_author]",
            "meta[name=DC.creator]");
    /** Shorter "articles" than this are Readability giving up; the whole page is better then. */
    private static final int MIN_ARTICLE_CHARS = 140;

    private WebPages() {
    }

    static ReadablePage read(Path html, @Nullable String charset, String url) throws IOException {
        Document page;
        try (InputStream in = Files.newInputStream(html)) {
            page = Jsoup.parse(in, charset, url);
        }
        // Readability rewrites the tree it reads, so the metadata is read first.
        String canonical = absolute(page.selectFirst("link[rel=canonical][href]"));
        String author = firstContent(page, AUTHOR);
        Instant published = published(page);
        String pageTitle = firstNonBlank(firstContent(page, List.of("meta[property=og:title]")), page.title());
        String fallbackBody = page.body() == null ? "" : page.body().html();

        Article article = new Readability4JExtended(url, page).parse();
        String content = article.getContent();
        String text = article.getTextContent();
        boolean usable = content != null && text != null && text.strip().length() >= MIN_ARTICLE_CHARS;
        String title = firstNonBlank(article.getTitle(), pageTitle);
        return new ReadablePage(title, firstNonBlank(clean(article.getByline()), author), published, canonical,
                usable && content != null ? content : fallbackBody, usable);
    }

    private static @Nullable String absolute(@Nullable Element link) {
        if (link == null) {
            return null;
        }
        String href = link.absUrl("href");
        return href.isBlank() || !(href.startsWith("http://") || href.startsWith("https://")) ? null : href;
    }

    private static @Nullable String firstContent(Document page, List<String> selectors) {
        for (String selector : selectors) {
            Element meta = page.selectFirst(selector);
            if (meta != null && !meta.attr("content").isBlank()) {
                return meta.attr("content").strip();
            }
        }
        return null;
    }

    private static @Nullable Instant published(Document page) {
        String value = firstContent(page, PUBLISHED);
        if (value == null) {
            Element time = page.selectFirst("time[datetime][itemprop=datePublished], article time[datetime], time[pubdate][datetime]");
            value = time == null ? null : time.attr("datetime");
        }
        return value == null ? null : parseDate(value);
    }

    /** RFC 3339 / ISO 8601 date-times, or bare dates (taken as midnight UTC); anything else is no date. */
    static @Nullable Instant parseDate(String value) {
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable String clean(@Nullable String byline) {
        if (byline == null) {
            return null;
        }
        String b = byline.strip().replaceFirst("(?i)^by\\s+", "");
        return b.isBlank() || b.length() > 300 ? null : b;
    }

    private static @Nullable String firstNonBlank(@Nullable String a, @Nullable String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.isBlank() ? null : b.strip();
    }

    /**
     * @param contentHtml the main content as HTML (or the whole body when no article was found)
     * @param extracted   whether a main content was found
     */
    record ReadablePage(@Nullable String title, @Nullable String author, @Nullable Instant publishedAt,
                        @Nullable String canonicalUrl, String contentHtml, boolean extracted) {

        /** A small HTML document of the content alone, for the extractor and as the stored file. */
        String asHtml() {
            String t = title == null ? "" : org.jsoup.nodes.Entities.escape(title);
            return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + t + "</title></head><body>\n"
                    + contentHtml + "\n</body></html>\n";
        }
    }
}
