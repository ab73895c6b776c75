package org.kglab.ingestion.feeds;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.kglab.support.WebServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Feeds polled from a real local web server (allowed explicitly), with a short tick. */
@MicronautTest(transactional = false)
class FeedsIT extends IntegrationTest {

    private WebServer site;
    private final AtomicReference<String> rss = new AtomicReference<>();
    private final AtomicReference<String> etag = new AtomicReference<>("\"v1\"");

    @BeforeEach
    void startServer() {
        etag.set("\"v1\"");
        site = WebServer.on("127.0.0.1");
        // Answers 304 to a request that names the current ETag, like a real server.
        site.route("/rss.xml", exchange -> {
            if (etag.get().equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag.get());
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 13 Oct 2026 09:00:00 GMT");
            WebServer.respond(exchange, 200, "application/rss+xml; charset=utf-8", rss.get().getBytes(StandardCharsets.UTF_8));
        });
        for (String name : List.of("a", "b", "c", "d", "e")) {
            site.serve("/posts/" + name, "text/html", TestFeeds.article("Post " + name.toUpperCase(),
                    "The full text of post " + name + "."));
        }
    }

    @AfterEach
    void stopServer() {
        site.close();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.fetch.allow", "127.0.0.1", "kglab.feeds.tick", "200ms", "kglab.feeds.items-per-poll", "3");
    }

    @Test
    void ingestsEachItemOfAnRssFeedOnceAcrossPollsAndAnswersToNotModified() {
        rss.set(TestFeeds.rss("Lab news", List.of(item("a"), item("b"))));

        DocumentContext added = api.graphql("addFeed", Map.of("url", site.url("/rss.xml"), "every", "1h"));

        assertThat(added.<Object>read("$.errors")).isNull();
        assertThat(added.<String>read("$.data.addFeed.title")).isEqualTo("Lab news");
        assertThat(added.<Integer>read("$.data.addFeed.everySeconds")).isEqualTo(3600);
        Eventually.await("both items ingested", () -> documents() == 2);
        Eventually.await("the poll recorded", () -> feed().<Integer>read("$.itemCount") == 2);
        awaitAllReady(2);
        assertThat(stores.count("SELECT count(*) FROM documents WHERE title = 'Post A: a headline'")).isEqualTo(1);
        assertThat(stores.count("SELECT count(*) FROM document_provenance p JOIN feed_items i ON i.document_id = "
                + "p.document_id WHERE p.source_kind = 'FEED' AND p.feed_id = i.feed_id AND p.url LIKE '%/posts/%' "
                + "AND p.fetched_at IS NOT NULL")).isEqualTo(2);
        assertThat(stores.count("SELECT count(*) FROM document_sources WHERE author = 'editor@example.org (Ada Editor)' "
                + "AND published_at = '2026-10-13T09:00:00Z'")).isEqualTo(2);
        DocumentContext text = api.graphqlText("{ documents(first: 5) { edges { node { text source { originalUrl } } } } }",
                Map.of());
        assertThat(text.<List<String>>read("$.data.documents.edges[*].node.text"))
                .anySatisfy(t -> assertThat(t).contains("The full text of post a.").doesNotContain("All rights reserved"));
        assertThat(text.<List<String>>read("$.data.documents.edges[*].node.source.originalUrl"))
                .containsExactlyInAnyOrder(site.url("/posts/a"), site.url("/posts/b"));

        // Next poll: the feed has not changed, and the server says so.
        int before = site.requests("/rss.xml").size();
        makeDue();
        Eventually.await("a conditional poll", () -> site.requests("/rss.xml").size() > before);
        WebServer.Request conditional = site.requests("/rss.xml").getLast();
        assertThat(conditional.header("If-None-Match")).isEqualTo("\"v1\"");
        assertThat(conditional.header("If-Modified-Since")).isEqualTo("Tue, 13 Oct 2026 09:00:00 GMT");
        Eventually.await("the 304 recorded", () -> feed().read("$.lastPolledAt") != null
                && Instant.parse(feed().read("$.nextAttemptAt")).isAfter(clock.instant().plusSeconds(3000)));
        assertThat(documents()).isEqualTo(2);

        // A new version with one new item: only that one is ingested.
        rss.set(TestFeeds.rss("Lab news", List.of(item("c"), item("a"), item("b"))));
        etag.set("\"v2\"");
        makeDue();
        Eventually.await("the new item ingested", () -> documents() == 3);
        Eventually.await("the poll recorded", () -> feed().<Integer>read("$.itemCount") == 3);
        awaitAllReady(3);
        assertThat(documents()).isEqualTo(3);
        assertThat(stores.count("SELECT count(*) FROM feed_items")).isEqualTo(3);
        assertThat(feed().<Object>read("$.lastError")).isNull();
    }

    @Test
    void ingestsAtomEntriesFromTheirOwnContentWhenTheLinkCannotBeFetched() {
        site.serve("/atom.xml", "application/atom+xml", TestFeeds.atom("Lab notes", List.of(
                new TestFeeds.Item("urn:entry:1", "First note", site.url("/gone/1"), "<p>First note body, from the feed.</p>"),
                new TestFeeds.Item("urn:entry:2", "Second note", site.url("/posts/d"), "<p>Summary only.</p>"))));

        api.graphql("addFeed", Map.of("url", site.url("/atom.xml"), "every", "PT30M", "visibility", "PUBLIC"));

        Eventually.await("both entries ingested", () -> documents() == 2);
        awaitAllReady(2);
        assertThat(stores.count("SELECT count(*) FROM documents WHERE visibility = 'PUBLIC'")).isEqualTo(2);
        DocumentContext docs = api.graphqlText("{ documents(first: 5) { edges { node { title text } } } }", Map.of());
        assertThat(docs.<List<String>>read("$.data.documents.edges[*].node.title"))
                .containsExactlyInAnyOrder("First note", "Second note");
        assertThat(docs.<List<String>>read("$.data.documents.edges[*].node.text"))
                .anySatisfy(t -> assertThat(t).contains("First note body, from the feed."))
                .anySatisfy(t -> assertThat(t).contains("The full text of post d."));
        assertThat(stores.count("SELECT count(*) FROM document_sources WHERE published_at = '2026-10-12T08:00:00Z'"))
                .isEqualTo(2);
    }

    @Test
    void boundsTheItemsOfOnePollAndTakesTheRestNextTime() {
        rss.set(TestFeeds.rss("Busy", List.of(item("a"), item("b"), item("c"), item("d"), item("e"))));

        api.graphql("addFeed", Map.of("url", site.url("/rss.xml")));

        Eventually.await("the first three", () -> documents() == 3);
        Eventually.await("the poll recorded", () -> feed().<Integer>read("$.itemCount") == 3);
        assertThat(documents()).isEqualTo(3);
        etag.set("\"v2\"");
        makeDue();
        Eventually.await("the other two", () -> documents() == 5);
    }

    @Test
    void aMalformedOrUnreachableFeedShowsItsErrorAndBacksOffButStays() {
        rss.set(TestFeeds.rss("Soon broken", List.of(item("a"))));
        String id = api.graphql("addFeed", Map.of("url", site.url("/rss.xml"))).read("$.data.addFeed.id");
        Eventually.await("the item ingested", () -> documents() == 1);
        Eventually.await("the poll recorded", () -> feed().<Integer>read("$.itemCount") == 1);
        awaitAllReady(1);

        rss.set("<rss version=\"2.0\"><channel><title>Broken<item></channel>");
        etag.set("\"broken\"");
        makeDue();
        Eventually.await("the error recorded", () -> feed().<Integer>read("$.failures") == 1);
        DocumentContext broken = feed();
        assertThat(broken.<String>read("$.lastError")).startsWith("Not a readable RSS or Atom feed at "
                + site.url("/rss.xml") + ":");
        assertThat(Duration.between(Instant.parse(broken.read("$.lastPolledAt")),
                Instant.parse(broken.read("$.nextAttemptAt")))).isEqualTo(Duration.ofMinutes(5));

        site.route("/rss.xml", exchange -> WebServer.respond(exchange, 503, "text/plain", new byte[0]));
        makeDue();
        Eventually.await("the second error recorded", () -> feed().<Integer>read("$.failures") == 2);
        DocumentContext down = feed();
        assertThat(down.<String>read("$.lastError")).isEqualTo("The server answered HTTP 503 for "
                + site.url("/rss.xml") + ".");
        assertThat(Duration.between(Instant.parse(down.read("$.lastPolledAt")),
                Instant.parse(down.read("$.nextAttemptAt")))).isEqualTo(Duration.ofMinutes(10));
        assertThat(down.<String>read("$.id")).isEqualTo(id);
        assertThat(documents()).isEqualTo(1);
    }

    @Test
    void refusesIntervalsOutsideTheRangeAndListsAndRemovesFeeds() {
        rss.set(TestFeeds.rss("Lab news", List.of()));
        DocumentContext tooOften = api.graphql("addFeed", Map.of("url", site.url("/rss.xml"), "every", "1m"));
        assertThat(tooOften.<String>read("$.errors[0].message")).isEqualTo(
                "'every' must be between 5 minutes and 7 days; it was 1m.");

        String id = api.graphql("addFeed", Map.of("url", site.url("/rss.xml"), "every", "5m"))
                .read("$.data.addFeed.id");
        String again = api.graphql("addFeed", Map.of("url", site.url("/rss.xml"), "every", "5m"))
                .read("$.data.addFeed.id");
        assertThat(again).isEqualTo(id);
        assertThat(api.graphql("feeds", Map.of()).<List<String>>read("$.data.feeds.edges[*].node.id"))
                .containsExactly(id);

        assertThat(api.graphql("removeFeed", Map.of("id", id)).<Boolean>read("$.data.removeFeed")).isTrue();
        assertThat(api.graphql("feeds", Map.of()).<List<String>>read("$.data.feeds.edges")).isEmpty();
        assertThat(api.graphql("removeFeed", Map.of("id", id)).<String>read("$.errors[0].extensions.classification"))
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void aNonFeedIsRefusedWhenAdded() {
        site.serve("/page", "text/html", "<html><body>not a feed</body></html>");
        site.serve("/fake.xml", "application/xml", "<html><body>not a feed</body></html>");

        DocumentContext html = api.graphql("addFeed", Map.of("url", site.url("/page")));
        DocumentContext xml = api.graphql("addFeed", Map.of("url", site.url("/fake.xml")));

        assertThat(html.<String>read("$.errors[0].message")).startsWith("Unsupported content type text/html");
        assertThat(xml.<String>read("$.errors[0].message")).startsWith("Not a readable RSS or Atom feed at");
        assertThat(stores.count("SELECT count(*) FROM feeds")).isZero();
    }

    private TestFeeds.Item item(String name) {
        return new TestFeeds.Item("urn:post:" + name, "Post " + name.toUpperCase() + ": a headline",
                site.url("/posts/" + name), "<p>Summary of " + name + "</p>");
    }

    /**
     * Makes every feed due now, as if its interval (or backoff) had passed. Moving the service clock
     * on instead would also expire the test user's access token.
     */
    private void makeDue() {
        stores.sql("UPDATE feeds SET next_poll_at = now() - interval '1 second'");
    }

    /**
     * Every document's FEED_ITEM job has ended and made it READY: exactly one job per document, none left
     * PROCESSING, none FAILED.
     */
    private void awaitAllReady(long expected) {
        Eventually.await("the items' jobs to end", java.time.Duration.ofSeconds(60),
                () -> stores.count("SELECT count(*) FROM documents WHERE status = 'PROCESSING'") == 0);
        assertThat(stores.count("SELECT count(*) FROM documents WHERE status = 'READY'")).isEqualTo(expected);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE kind = 'FEED_ITEM' AND state = 'SUCCEEDED'"))
                .isEqualTo(expected);
    }

    private long documents() {
        return stores.count("SELECT count(*) FROM documents");
    }

    private DocumentContext feed() {
        DocumentContext reply = api.graphql("feeds", Map.of());
        if (reply.read("$.errors") != null) {
            throw new AssertionError("feeds answered " + reply.jsonString());
        }
        return com.jayway.jsonpath.JsonPath.parse((Object) reply.read("$.data.feeds.edges[0].node"));
    }
}
