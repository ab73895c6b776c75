package org.kglab.ingestion.feeds;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kglab.support.Api;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.kglab.support.WebServer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What becomes of feed items that cannot be ingested, of feeds whose owner is disabled, and of the file of an item
 * whose transaction rolls back. Feeds are served by a real local web server, polled on a short tick.
 */
@MicronautTest(transactional = false)
class FeedItemFailuresIT extends IntegrationTest {

    private static final String GONE_ERROR = "The server answered HTTP 503 for ";

    private WebServer site;

    @BeforeEach
    void startServer() {
        site = WebServer.on("127.0.0.1");
        site.serve("/posts/a", "text/html", TestFeeds.article("Post A", "The full text of post a."));
        site.route("/posts/flaky", exchange -> WebServer.respond(exchange, 503, "text/plain", new byte[0]));
    }

    @AfterEach
    void stopServer() {
        site.close();
        stores.sql("ALTER TABLE feed_items DROP CONSTRAINT IF EXISTS test_refuses_documents");
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.fetch.allow", "127.0.0.1", "kglab.feeds.tick", "200ms", "kglab.feeds.item-attempts", "2");
    }

    @Test
    void anItemThatKeepsFailingIsGivenUpAsADeadJobAndNotTriedAgain() {
        serveFeed(item("flaky"));
        api.graphql("addFeed", Map.of("url", site.url("/rss.xml")));

        Eventually.await("the first attempt counted", () -> itemsIn("FAILING", 1) == 1);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs")).isZero();
        makeDue();
        Eventually.await("the item given up", () -> itemsIn("DEAD", 2) == 1);
        assertThat(site.requests("/posts/flaky")).hasSize(2);

        DocumentContext dead = api.graphqlText("{ jobs(first: 5, state: DEAD) { edges { node { id kind state "
                + "documentId attempt error } } } }", Map.of());
        assertThat(dead.<List<String>>read("$.data.jobs.edges[*].node.kind")).containsExactly("FEED_ITEM");
        assertThat(dead.<Integer>read("$.data.jobs.edges[0].node.attempt")).isEqualTo(2);
        assertThat(dead.<Object>read("$.data.jobs.edges[0].node.documentId")).isNull();
        assertThat(dead.<String>read("$.data.jobs.edges[0].node.error")).isEqualTo("The feed item urn:post:flaky could "
                + "not be ingested: " + GONE_ERROR + site.url("/posts/flaky") + ". (gave up after 2 attempts)");
        assertThat(stores.count("SELECT count(*) FROM feed_items i JOIN ingestion_jobs j ON j.id = i.job_id "
                + "WHERE i.state = 'DEAD'")).isEqualTo(1);
        DocumentContext retried = api.graphql("retryJob", Map.of("id", dead.read("$.data.jobs.edges[0].node.id")));
        assertThat(retried.<String>read("$.errors[0].extensions.classification")).isEqualTo("CONFLICT");

        // Later polls pass it by, even once its page answers.
        site.serve("/posts/flaky", "text/html", TestFeeds.article("Flaky", "Back again."));
        pollAgain();
        assertThat(site.requests("/posts/flaky")).hasSize(2);
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs")).isEqualTo(1);
    }

    @Test
    void anItemThatFailedOnceIsIngestedWhenItsPageComesBack() {
        serveFeed(item("flaky"));
        api.graphql("addFeed", Map.of("url", site.url("/rss.xml")));
        Eventually.await("the first attempt counted", () -> itemsIn("FAILING", 1) == 1);
        Eventually.await("the poll's error recorded", () -> stores.count("SELECT count(*) FROM feeds WHERE last_error = "
                + "'1 of 1 new items could not be ingested; each is tried at up to 2 polls. The first: " + GONE_ERROR
                + site.url("/posts/flaky") + ".'") == 1);

        site.serve("/posts/flaky", "text/html", TestFeeds.article("Flaky", "Back again."));
        makeDue();

        Eventually.await("the item ingested", () -> stores.count("SELECT count(*) FROM feed_items WHERE state = "
                + "'INGESTED' AND document_id IS NOT NULL AND last_error IS NULL") == 1);
        Eventually.await("its document READY", () -> stores.count("SELECT count(*) FROM documents WHERE status = "
                + "'READY'") == 1);
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs WHERE state = 'DEAD'")).isZero();
    }

    @Test
    void theFeedsOfADisabledAccountAreNotPolled() {
        serveFeed(item("a"));
        api.graphql("addFeed", Map.of("url", site.url("/rss.xml")));
        Eventually.await("the item ingested", () -> stores.count("SELECT count(*) FROM documents") == 1);
        Eventually.await("the poll recorded", () -> stores.count("SELECT count(*) FROM feeds WHERE last_polled_at "
                + "IS NOT NULL AND next_poll_at > now() + interval '30 minutes'") == 1);

        Api.Session admin = administrator();
        setDisabled(admin, true);
        int polls = site.requests("/rss.xml").size();
        makeDue();
        Eventually.await("the feed passed by", () -> stores.count("SELECT count(*) FROM feeds WHERE last_error = "
                + "'Not polled: the account that follows this feed is disabled.' AND next_poll_at > now()") == 1);
        assertThat(site.requests("/rss.xml")).hasSize(polls);

        setDisabled(admin, false);
        makeDue();
        Eventually.await("polled again", () -> site.requests("/rss.xml").size() > polls);
    }

    @Test
    void anItemWhoseTransactionRollsBackLeavesNoFileBehind() {
        // The database refuses to link the item to its document: the item's transaction rolls back after the
        // document and its file were accepted.
        stores.sql("ALTER TABLE feed_items ADD CONSTRAINT test_refuses_documents CHECK (document_id IS NULL) NOT VALID");
        serveFeed(item("a"));
        api.graphql("addFeed", Map.of("url", site.url("/rss.xml")));

        Eventually.await("the attempt counted", () -> itemsIn("FAILING", 1) == 1);
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs")).isZero();
        assertThat(stores.storedFiles()).isEmpty();

        stores.sql("ALTER TABLE feed_items DROP CONSTRAINT test_refuses_documents");
        makeDue();
        Eventually.await("the item ingested", () -> stores.count("SELECT count(*) FROM documents WHERE status = "
                + "'READY'") == 1);
        assertThat(stores.storedFiles()).hasSize(1);
    }

    private void serveFeed(String items) {
        site.serve("/rss.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Lab news</title><link>https://example.org/</link>
                <description>Test feed</description>%s</channel></rss>
                """.formatted(items));
    }

    /** An item with a link and no content of its own: when its page cannot be fetched, it cannot be ingested. */
    private String item(String name) {
        return "<item><title>Post " + name + "</title><link>" + site.url("/posts/" + name) + "</link>"
                + "<guid isPermaLink=\"false\">urn:post:" + name + "</guid></item>";
    }

    private long itemsIn(String state, int attempts) {
        return stores.count("SELECT count(*) FROM feed_items WHERE state = '" + state + "' AND attempts = " + attempts);
    }

    private void makeDue() {
        stores.sql("UPDATE feeds SET next_poll_at = now() - interval '1 second'");
    }

    /** One more poll, to its end: the feed was fetched and its next poll set an interval ahead. */
    private void pollAgain() {
        int before = site.requests("/rss.xml").size();
        makeDue();
        Eventually.await("another poll", () -> site.requests("/rss.xml").size() > before && stores.count(
                "SELECT count(*) FROM feeds WHERE next_poll_at > now() + interval '30 minutes'") == 1);
    }

    /** An account whose role is admin, signed in afresh so that the token carries the role. */
    private Api.Session administrator() {
        Api.Session admin = api.signUp("admin@example.org");
        stores.sql("UPDATE users SET role = 'admin' WHERE id = '" + admin.userId() + "'");
        return admin.withToken(api.anonymous().graphql("login", Map.of("email", admin.email(),
                "password", admin.password())).read("$.data.login.accessToken"));
    }

    private void setDisabled(Api.Session admin, boolean disabled) {
        DocumentContext set = api.actAs(admin).graphql("setUserDisabled",
                Map.of("id", owner.userId().toString(), "disabled", disabled));
        assertThat(set.<Boolean>read("$.data.setUserDisabled.disabled")).as(set.jsonString()).isEqualTo(disabled);
        api.actAs(owner);
    }
}
