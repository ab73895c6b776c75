package org.kglab.ingestion.web;

import com.jayway.jsonpath.DocumentContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kglab.support.IntegrationTest;
import org.kglab.support.WebServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The same kind of local server as {@link UrlIngestionIT}, with nothing allowed: the default configuration. */
@MicronautTest(transactional = false)
class FetchRefusedIT extends IntegrationTest {

    private WebServer site;

    @BeforeAll
    void startServer() {
        site = WebServer.on("127.0.0.1");
        site.serve("/page.txt", "text/plain", "hello")
                .serve("/feed.xml", "application/rss+xml", "<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
    }

    @AfterAll
    void stopServer() {
        site.close();
    }

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("kglab.feeds.polling", "false");
    }

    @Test
    void refusesALoopbackServerThatIsNotAllowed() {
        DocumentContext reply = api.graphql("ingestUrl", Map.of("url", site.url("/page.txt")));

        assertThat(reply.<String>read("$.errors[0].message"))
                .isEqualTo("Address not allowed: 127.0.0.1 is a loopback address. Only public addresses are fetched "
                        + "unless KGLAB_FETCH_ALLOW lists the host.");
        assertThat(site.requests()).isEmpty();
        assertThat(stores.count("SELECT count(*) FROM documents")).isZero();
        assertThat(stores.count("SELECT count(*) FROM ingestion_jobs")).isZero();
    }

    @Test
    void refusesNamesOfThisMachineAndPrivateAndMetadataAddresses() {
        int port = Integer.parseInt(site.url("/").split(":")[2].replace("/", ""));
        assertThat(error("http://localhost:" + port + "/page.txt")).startsWith("Address not allowed: localhost is a name");
        assertThat(error("http://[::1]:" + port + "/")).startsWith("Address not allowed: 0:0:0:0:0:0:0:1 is a loopback");
        assertThat(error("http://[::ffff:127.0.0.1]:" + port + "/")).startsWith("Address not allowed: 127.0.0.1");
        assertThat(error("http://169.254.169.254/latest/meta-data/"))
                .startsWith("Address not allowed: 169.254.169.254 is a link-local address");
        assertThat(error("http://10.0.0.5/")).startsWith("Address not allowed: 10.0.0.5 is a private address");
        assertThat(error("http://metadata.google.internal/")).startsWith("Address not allowed: metadata.google.internal");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void refusesAFeedOnALoopbackServer() {
        DocumentContext reply = api.graphql("addFeed", Map.of("url", site.url("/feed.xml")));

        assertThat(reply.<String>read("$.errors[0].message")).startsWith("Address not allowed: 127.0.0.1 is a loopback");
        assertThat(stores.count("SELECT count(*) FROM feeds")).isZero();
        assertThat(site.requests()).isEmpty();
    }

    private String error(String url) {
        return api.graphql("ingestUrl", Map.of("url", url)).read("$.errors[0].message");
    }
}
