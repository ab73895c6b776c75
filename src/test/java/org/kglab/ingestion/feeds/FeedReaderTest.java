package org.kglab.ingestion.feeds;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsRssItemsKeyedByGuidElseLink() throws IOException {
        Path file = write("""
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>News</title>
                  <item><title>One</title><link>https://example.org/1</link><guid>urn:one</guid>
                    <pubDate>Tue, 13 Oct 2026 09:00:00 GMT</pubDate><description>First</description></item>
                  <item><title>Two</title><link>https://example.org/2</link></item>
                  <item></item>
                </channel></rss>
                """);

        FeedReader.ParsedFeed feed = FeedReader.read(file, "application/rss+xml", "https://example.org/feed");

        assertThat(feed.title()).isEqualTo("News");
        assertThat(feed.items()).extracting(FeedReader.FeedItem::key).containsExactly("urn:one", "https://example.org/2");
        assertThat(feed.items().getFirst().publishedAt()).isEqualTo(Instant.parse("2026-10-13T09:00:00Z"));
        assertThat(feed.items().getFirst().content()).contains("First");
    }

    @Test
    void refusesDocumentTypeDeclarationsSoNoEntityIsExpanded() throws IOException {
        Path secret = write("top secret");
        Path file = write("""
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY x SYSTEM "file://%s">]>
                <rss version="2.0"><channel><title>&x;</title></channel></rss>
                """.formatted(secret.toAbsolutePath()));

        assertThatThrownBy(() -> FeedReader.read(file, "application/rss+xml", "https://example.org/feed"))
                .isInstanceOf(InvalidFeed.class)
                .hasMessageStartingWith("Not a readable RSS or Atom feed at https://example.org/feed")
                .hasMessageNotContaining("top secret");
    }

    @Test
    void refusesFeedsLargerThanItsBound() throws IOException {
        Path file = dir.resolve("huge.xml");
        Files.write(file, new byte[(int) FeedReader.MAX_FEED_BYTES + 1]);

        assertThatThrownBy(() -> FeedReader.read(file, "application/rss+xml", "https://example.org/huge"))
                .hasMessage("The feed at https://example.org/huge is larger than 10 MB; feeds that large are not read.");
    }

    @Test
    void parsesIntervalsAndRefusesThoseOutOfRange() {
        assertThat(List.of("5m", "6h", "1d", "PT2H", "7d").stream().map(Every::parse).map(d -> d.toMinutes()))
                .containsExactly(5L, 360L, 1440L, 120L, 10080L);
        assertThatThrownBy(() -> Every.parse("4m")).hasMessageContaining("between 5 minutes and 7 days");
        assertThatThrownBy(() -> Every.parse("8d")).hasMessageContaining("between 5 minutes and 7 days");
        assertThatThrownBy(() -> Every.parse("often")).hasMessageStartingWith("'every' must be a duration");
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "feed", ".xml");
        Files.writeString(file, text);
        return file;
    }
}
