package org.kglab.identity.oidc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.kglab.support.Eventually;
import org.kglab.support.IntegrationTest;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OpenID issuer that cannot be reached neither stops the service nor ends a sign-in in a 500:
 * the service starts (with a warning), and the provider's login route answers 503 with a sentence.
 */
@MicronautTest(transactional = false)
class UnreachableIssuerIT extends IntegrationTest {

    private final String issuer = "http://127.0.0.1:" + closedPort() + "/realms/nowhere";
    /** Attached before the service starts, which is when the issuer is checked. */
    private final ListAppender<ILoggingEvent> log = listen(IssuerReachability.class);

    @Override
    protected Map<String, String> extraProperties() {
        var properties = new HashMap<String, String>();
        OidcClients.fromEnvironment(Map.of("KGLAB_OIDC_ISSUER", issuer, "KGLAB_OIDC_CLIENT_ID", "kglab",
                "KGLAB_OIDC_CLIENT_SECRET", "not a real secret")).forEach((name, value) -> properties.put(name,
                value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                        : String.valueOf(value)));
        return properties;
    }

    @Test
    void theServiceStartsWithAClearWarningAndAnswersOtherRequests() {
        assertThat(api.graphql("me", Map.of()).<String>read("$.data.me.email")).isEqualTo(owner.email());
        Eventually.await("a start-up warning about the issuer", () -> warnings().anyMatch(message ->
                message.startsWith("Sign-in through 'oidc' is unavailable: its OpenID issuer " + issuer)
                        && message.contains("cannot be reached")));
    }

    @Test
    void theLoginRouteAnswers503WithAReadableMessage() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server().getPort() + "/oauth/login/oidc")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(response.body()).contains("Sign-in through 'oidc' is unavailable right now")
                    .contains("cannot be reached").doesNotContain("Exception");
        }
    }

    private io.micronaut.runtime.server.EmbeddedServer server() {
        return applicationContext.getBean(io.micronaut.runtime.server.EmbeddedServer.class);
    }

    @jakarta.inject.Inject
    io.micronaut.context.ApplicationContext applicationContext;

    private java.util.stream.Stream<String> warnings() {
        return List.copyOf(log.list).stream().filter(event -> event.getLevel() == Level.WARN)
                .map(ILoggingEvent::getFormattedMessage);
    }

    private static ListAppender<ILoggingEvent> listen(Class<?> source) {
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(source)).addAppender(appender);
        return appender;
    }

    /** A port that nothing listens on: taken from the system, then released. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
