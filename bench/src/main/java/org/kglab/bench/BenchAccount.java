package org.kglab.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registers a fresh account through GraphQL and signs in, for benchmarks that need a bearer token. */
final class BenchAccount {

    private static final Pattern API_KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

    private BenchAccount() {
    }

    static String accessToken(HttpClient http, URI base) throws Exception {
        URI graphql = base.resolve("/graphql");
        String email = "bench-" + System.nanoTime() + "@example.org";
        String credentials = "email: \\\"" + email + "\\\", password: \\\"a long benchmark passphrase\\\"";
        post(http, graphql, "{\"query\":\"mutation { register(" + credentials + ") { email } }\"}");
        String login = post(http, graphql, "{\"query\":\"mutation { login(" + credentials + ") { accessToken } }\"}");
        Matcher token = ACCESS_TOKEN.matcher(login);
        if (!token.find()) {
            throw new IllegalStateException("Sign-in failed: " + login);
        }
        return token.group(1);
    }

    /** Creates an API key with the READ scope for the signed-in user of {@code accessToken}. */
    static String apiKey(HttpClient http, URI base, String accessToken) throws Exception {
        return apiKey(http, base, accessToken, "READ");
    }

    /** Creates an API key with {@code scopes} (e.g. {@code "READ, INGEST"}); unlike an access token it does not expire. */
    static String apiKey(HttpClient http, URI base, String accessToken, String scopes) throws Exception {
        String reply = http.send(HttpRequest.newBuilder(base.resolve("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"mutation { createApiKey(name: \\\"bench\\\", scopes: [" + scopes + "]) { key } }\"}"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher key = API_KEY.matcher(reply);
        if (!key.find()) {
            throw new IllegalStateException("Could not create an API key: " + reply);
        }
        return key.group(1);
    }

    private static String post(HttpClient http, URI graphql, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
