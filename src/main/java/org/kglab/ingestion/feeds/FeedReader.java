package org.kglab.ingestion.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom with Rome. Document type declarations are refused (Rome's
 * default), so a feed cannot expand entities or reach for external files.
 */
final class FeedReader {

    /** Longer keys are cut and hashed: a GUID is an identifier, not content. */
    private static final int MAX_KEY_LENGTH = 512;
    /** Entries read from one document; a feed with more is read up to here. */
    private static final int MAX_ENTRIES = 1_000;
    /** Rome reads a feed into a tree in the service's heap; real feeds are far smaller than this. */
    static final long MAX_FEED_BYTES = 10L * 1024 * 1024;

    private FeedReader() {
    }

    static ParsedFeed read(Path file, String contentType, String url) {
        try {
            if (Files.size(file) > MAX_FEED_BYTES) {
                throw InvalidFeed.badRequest("The feed at " + url + " is larger than 10 MB; feeds that large are not read.");
            }
        } catch (IOException e) {
            throw InvalidFeed.unreadable(url, e);
        }
        try (InputStream in = Files.newInputStream(file); XmlReader reader = new XmlReader(in, contentType, true, null)) {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            SyndFeed feed = input.build(reader);
            var items = new ArrayList<FeedItem>();
            for (SyndEntry entry : feed.getEntries()) {
                if (items.size() >= MAX_ENTRIES) {
                    break;
                }
                item(entry).ifPresent(items::add);
            }
            return new ParsedFeed(blankToNull(feed.getTitle()), List.copyOf(items));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw InvalidFeed.unreadable(url, e);
        }
    }

    private static java.util.Optional<FeedItem> item(SyndEntry entry) {
        String link = blankToNull(entry.getLink());
        String content = content(entry);
        String key = key(blankToNull(entry.getUri()), link, entry.getTitle(), content);
        if (key == null) {
            return java.util.Optional.empty();
        }
        Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return java.util.Optional.of(new FeedItem(key, link, blankToNull(entry.getTitle()), blankToNull(entry.getAuthor()),
                published == null ? null : published.toInstant(), content));
    }

    /** The item's own content: full content where the feed carries it, else its description. */
    private static @Nullable String content(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null && !content.getValue().isBlank()) {
                return asHtml(content);
            }
        }
        SyndContent description = entry.getDescription();
        return description == null || description.getValue() == null || description.getValue().isBlank()
                ? null : asHtml(description);
    }

    private static String asHtml(SyndContent content) {
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        return type.contains("html") ? content.getValue() : "<p>" + org.jsoup.nodes.Entities.escape(content.getValue())
                + "</p>";
    }

    /** GUID (or Atom id), else the link, else a hash of title and content; null for an empty item. */
    private static @Nullable String key(@Nullable String uri, @Nullable String link, @Nullable String title,
                                        @Nullable String content) {
        String key = uri != null ? uri : link;
        if (key == null) {
            if (title == null && content == null) {
                return null;
            }
            key = "sha256:" + sha256(title + "\n" + content);
        }
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, 400) + "#sha256:" + sha256(key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    record ParsedFeed(@Nullable String title, List<FeedItem> items) {
    }

    /**
     * @param key     what makes it this item: GUID, Atom id, link, or a hash of its content
     * @param content the HTML the feed carries for it, if any
     */
    record FeedItem(String key, @Nullable String link, @Nullable String title, @Nullable String author,
                    @Nullable Instant publishedAt, @Nullable String content) {
    }
}
