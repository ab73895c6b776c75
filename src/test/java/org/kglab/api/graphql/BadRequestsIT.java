package org.kglab.api.graphql;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kglab.support.Api;
import org.kglab.support.IntegrationTest;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that the client got wrong are the client's errors: a 4xx status or a BAD_REQUEST GraphQL
 * error with a sentence saying what is wrong, never a 500 or a stack trace.
 */
@MicronautTest(transactional = false)
class BadRequestsIT extends IntegrationTest {

    /** Cursors in our format whose timestamps are out of range: before any date PostgreSQL holds, far future, overflowing. */
    private static final String EARLY_CURSOR = cursor(String.valueOf(Long.MIN_VALUE));
    private static final String FAR_CURSOR = cursor(String.valueOf(Long.MAX_VALUE));
    private static final String HUGE_CURSOR = cursor("99999999999999999999999");

    static Stream<Arguments> badRequests() {
        return Stream.of(
                http("a batch (JSON array)", json("[{\"query\":\"{ me { id } }\"}]"), "Batched requests"),
                http("a truncated JSON body", json("{"), "JSON"),
                http("a JSON null body", json("null"), "JSON object"),
                http("a JSON string body", json("\"str\""), "JSON object"),
                http("a JSON array of numbers", json("[1]"), "Batched requests"),
                http("variables that are not an object", json("{\"query\":\"{ me { id } }\",\"variables\":\"x\"}"),
                        "variables"),
                http("variables in the URL that are not an object",
                        HttpRequest.GET("/graphql?query=%7B__typename%7D&variables=x"), "variables"),
                graphql("an unknown operationName",
                        json("{\"query\":\"query A { me { id } }\",\"operationName\":\"B\"}"), "B"),
                graphql("two operations and no operationName",
                        json("{\"query\":\"query A { me { id } } query B { me { email } }\"}"), "operationName"),
                graphql("a document cursor before any date",
                        json("{\"query\":\"{ documents(after: \\\"" + EARLY_CURSOR + "\\\") { edges { cursor } } }\"}"),
                        "Invalid cursor"),
                graphql("a document cursor past any date",
                        json("{\"query\":\"{ documents(after: \\\"" + FAR_CURSOR + "\\\") { edges { cursor } } }\"}"),
                        "Invalid cursor"),
                graphql("a document cursor with an overflowing number",
                        json("{\"query\":\"{ documents(after: \\\"" + HUGE_CURSOR + "\\\") { edges { cursor } } }\"}"),
                        "Invalid cursor"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void answersAClientErrorWithAReadableMessage(String name, MutableHttpRequest<?> request, int status,
                                                 String mentions) {
        var log = new ListAppender<ILoggingEvent>();
        var root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        Api.Reply reply;
        try {
            reply = api.send(request);
        } finally {
            root.detachAppender(log);
        }

        assertThat(log.list).as("log lines with a stack trace")
                .filteredOn(event -> event.getThrowableProxy() != null || event.getLevel() == Level.ERROR).isEmpty();

        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(reply.json().<String>read("$.errors[0].extensions.classification")).as(reply.body())
                .isEqualTo("BAD_REQUEST");
        assertThat(reply.json().<String>read("$.errors[0].message")).contains(mentions);
    }

    @Test
    void refusesAMutationSentWithGet() {
        String logout = URLEncoder.encode("mutation { logout(refreshToken: \"kglr_x\") }", StandardCharsets.UTF_8);
        Api.Reply reply = api.send(HttpRequest.GET("/graphql?query=" + logout));

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().<String>read("$.errors[0].message")).contains("Send it with POST");
        assertThat(reply.json().<Object>read("$.data")).isNull();
    }

    @Test
    void answersAQuerySentWithGet() {
        String query = URLEncoder.encode("query Me { me { email } } mutation Out { logout(refreshToken: \"x\") }",
                StandardCharsets.UTF_8);
        Api.Reply reply = api.send(HttpRequest.GET("/graphql?operationName=Me&query=" + query));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().<String>read("$.data.me.email")).isEqualTo(owner.email());
    }

    /** Refused before any GraphQL runs: the HTTP request itself is malformed. */
    private static Arguments http(String name, MutableHttpRequest<?> request, String mentions) {
        return Arguments.of(name, request, 400, mentions);
    }

    /** A well-formed HTTP request whose GraphQL fails: a GraphQL error, as the spec has it for application/json. */
    private static Arguments graphql(String name, MutableHttpRequest<?> request, String mentions) {
        return Arguments.of(name, request, 200, mentions);
    }

    private static String cursor(String micros) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("k1:t:" + micros + ":00000000-0000-0000-0000-000000000000").getBytes(StandardCharsets.UTF_8));
    }

    private static MutableHttpRequest<?> json(String body) {
        return HttpRequest.POST("/graphql", body).contentType(MediaType.APPLICATION_JSON_TYPE);
    }
}
