package org.kglab.ingestion.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jsoup.Jsoup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebPagesTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheArticleAndDropsNavigationAdsSidebarsAndFooter() throws IOException {
        WebPages.ReadablePage page = WebPages.read(fixture("article.html"), null,
                "https://journal.example.org/soil?utm_source=feed");

        String text = Jsoup.parse(page.asHtml()).body().text();
        assertThat(page.extracted()).isTrue();
        assertThat(text)
                .contains("kept their yield through a six-week drought")
                .contains("Each plot measured ten by ten metres")
                .contains("cost of producing inoculants at scale")
                .doesNotContain("Subscribe today")
                .doesNotContain("BUY CHEAP FERTILISER")
                .doesNotContain("Ten tractors ranked")
                .doesNotContain("Lawn robots")
                .doesNotContain("All rights reserved")
                .doesNotContain("Cookie settings")
                .doesNotContain("newsletter");
    }

    @Test
    void keepsTitleAuthorPublishedDateAndCanonicalUrl() throws IOException {
        WebPages.ReadablePage page = WebPages.read(fixture("article.html"), "UTF-8", "https://journal.example.org/x");

        assertThat(page.title()).contains("Soil microbes");
        assertThat(page.author()).isEqualTo("Maria Okafor");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-10-14T06:30:00Z"));
        assertThat(page.canonicalUrl()).isEqualTo("https://journal.example.org/2026/10/soil-microbes-drought");
        assertThat(Jsoup.parse(page.asHtml()).title()).isEqualTo(page.title());
    }

    @Test
    void aPageWithoutAnArticleKeepsItsBody() throws IOException {
        Path file = dir.resolve("tiny.html");
        Files.writeString(file, "<html><head><title>Tiny</title></head><body><p>Just one line.</p></body></html>");

        WebPages.ReadablePage page = WebPages.read(file, null, "https://example.org/");

        assertThat(page.extracted()).isFalse();
        assertThat(Jsoup.parse(page.asHtml()).body().text()).isEqualTo("Just one line.");
        assertThat(page.author()).isNull();
        assertThat(page.publishedAt()).isNull();
        assertThat(page.canonicalUrl()).isNull();
    }

    @Test
    void readsDatesInTheFormsPagesUse() {
        assertThat(WebPages.parseDate("2026-10-14T08:30:00+02:00")).isEqualTo(Instant.parse("2026-10-14T06:30:00Z"));
        assertThat(WebPages.parseDate("2026-10-14T06:30:00Z")).isEqualTo(Instant.parse("2026-10-14T06:30:00Z"));
        assertThat(WebPages.parseDate("2026-10-14")).isEqualTo(Instant.parse("2026-10-14T00:00:00Z"));
        assertThat(WebPages.parseDate("last Tuesday")).isNull();
    }

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/web/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }
}
