package org.kglab.ingestion.feeds;

import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.kglab.support.WebServer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once across restarts and instances: the test's own service does not poll; separate service
 * instances (application contexts of their own, each with its own data directory and graph, on the
 * same PostgreSQL database) do, one after another and side by side.
 */
@MicronautTest(transactional = false)
class FeedInstancesIT extends IntegrationTest {

    private WebServer site;
    private final AtomicReference<String> rss = new AtomicReference<>();

    @BeforeEach
    void startServer() {
        site = WebServer.on("127.0.0.1");
        site.route("/rss.xml", exchange -> WebServer.respond(exchange, 200, "application/rss+xml",
                rss.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            site.serve("/posts/" + name, "text/html", TestFeeds.article("Post " + name, "Text of post " + name + "."));
        }
    }

    @AfterEach
    void stopServer() {
        site.close();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.fetch.allow", "127.0.0.1", "kglab.feeds.polling", "false");
    }

    @Test
    void aRestartedServiceIngestsNoItemTwice() {
        rss.set(TestFeeds.rss("News", List.of(item("a"), item("b"))));
        api.graphql("addFeed", Map.of("url", site.url("/rss.xml")));

        try (ApplicationContext first = instance("first")) {
            Eventually.await(Duration.ofSeconds(60).toString(), Duration.ofSeconds(60), () -> documents() == 2
                    && stores.count("SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL") == 1);
        }
        int fetches = site.requests("/rss.xml").size();
        makeDue();

        try (ApplicationContext second = instance("second")) {
            Eventually.await("the restarted service polls", Duration.ofSeconds(60),
                    () -> site.requests("/rss.xml").size() > fetches
                            && stores.count("SELECT count(*) FROM feeds WHERE next_poll_at > now() + interval '30 minutes'") == 1);
            assertThat(documents()).isEqualTo(2);

            rss.set(TestFeeds.rss("News", List.of(item("c"), item("a"), item("b"))));
            makeDue();
            Eventually.await("the new item", Duration.ofSeconds(60), () -> documents() == 3);
        }
        assertThat(stores.count("SELECT count(*) FROM feed_items")).isEqualTo(3);
        assertThat(stores.count("SELECT count(DISTINCT document_id) FROM feed_items")).isEqualTo(3);
        // One job per item, queued with its document.
        assertThat(stores.count("SELECT count(DISTINCT j.document_id) FROM ingestion_jobs j JOIN feed_items i "
                + "ON i.document_id = j.document_id WHERE j.kind = 'FEED_ITEM'")).isEqualTo(3);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE kind = 'FEED_ITEM'")).isEqualTo(3);
    }

    @Test
    void twoInstancesPollingTheSameFeedsIngestEachItemOnce() {
        rss.set(TestFeeds.rss("News", List.of(item("a"), item("b"), item("c"), item("d"), item("e"), item("f"))));
        api.graphql("addFeed", Map.of("url", site.url("/rss.xml")));
        api.graphql("addFeed", Map.of("url", site.url("/rss.xml?copy")));

        try (ApplicationContext one = instance("one"); ApplicationContext two = instance("two")) {
            // The copy's items link to the same pages: the same bytes for the same owner are one document, as for
            // uploads, and each item of both feeds is recorded once, pointing at it.
            Eventually.await("every item of both feeds", Duration.ofSeconds(90),
                    () -> stores.count("SELECT count(*) FROM feed_items WHERE document_id IS NOT NULL") == 12);
            // Both feeds due again at once: whoever claims them finds nothing new.
            makeDue();
            Eventually.await("polled again", Duration.ofSeconds(60), () -> stores.count(
                    "SELECT count(*) FROM feeds WHERE next_poll_at > now() + interval '30 minutes'") == 2);
        }
        assertThat(documents()).isEqualTo(6);
        assertThat(stores.count("SELECT count(*) FROM feed_items")).isEqualTo(12);
        assertThat(stores.count("SELECT count(DISTINCT document_id) FROM feed_items")).isEqualTo(6);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE kind = 'FEED_ITEM'")).isEqualTo(6);
    }

    private ApplicationContext instance(String name) {
        var properties = new HashMap<String, Object>(getProperties());
        properties.put("kglab.storage.data-dir", dataDir.resolve(name).toString());
        properties.put("kglab.feeds.polling", "true");
        properties.put("kglab.feeds.tick", "200ms");
                return ApplicationContext.builder().properties(properties).environments("test").start();
    }

    private void makeDue() {
        stores.sql("UPDATE feeds SET next_poll_at = now() - interval '1 second'");
    }

    private TestFeeds.Item item(String name) {
        return new TestFeeds.Item("urn:post:" + name, "Post " + name, site.url("/posts/" + name), "<p>" + name + "</p>");
    }

    private long documents() {
        return stores.count("SELECT count(*) FROM documents");
    }
}
