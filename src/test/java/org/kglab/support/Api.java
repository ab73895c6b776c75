package org.kglab.support;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.identity.access.Caller;
import org.kglab.identity.access.Role;
import org.kglab.identity.access.UserId;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The service's HTTP API as a client sees it: uploads over REST, named GraphQL operations. Requests
 * carry the access token of the session chosen with {@link #actAs}, or none after {@link #anonymous}.
 */
@Singleton
public final class Api {

    private final HttpClient http;
    private final EmbeddedServer server;
    private volatile @Nullable Session session;

    Api(@Client("/") HttpClient http, EmbeddedServer server) {
        this.http = http;
        this.server = server;
    }

    /** Registers an account, signs in, and returns the session (without switching to it). */
    public Session signUp(String email) {
        String password = "correct horse battery staple";
        Session previous = session;
        try {
            anonymous();
            DocumentContext registered = graphql("register", Map.of("email", email, "password", password));
            if (registered.read("$.errors") != null) {
                throw new AssertionError("Registration failed: " + registered.jsonString());
            }
            DocumentContext login = graphql("login", Map.of("email", email, "password", password));
            if (login.read("$.errors") != null) {
                throw new AssertionError("Sign-in failed: " + login.jsonString());
            }
            String accessToken = login.read("$.data.login.accessToken");
            return new Session(subjectOf(accessToken), email, password, accessToken,
                    login.read("$.data.login.refreshToken"));
        } finally {
            session = previous;
        }
    }

    /** Registration no longer names the account (it answers alike for taken addresses); the token does. */
    private static UUID subjectOf(String accessToken) {
        try {
            return UUID.fromString(com.nimbusds.jwt.SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject());
        } catch (java.text.ParseException e) {
            throw new AssertionError("Not a JWT: " + e.getMessage(), e);
        }
    }

    public Api actAs(Session session) {
        this.session = session;
        return this;
    }

    public Api anonymous() {
        this.session = null;
        return this;
    }

    public Reply upload(String fileName, byte[] content) {
        return upload(fileName, content, null);
    }

    public Reply upload(String fileName, byte[] content, @Nullable String visibility) {
        var body = MultipartBody.builder()
                .addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                .build();
        String uri = visibility == null ? "/api/v1/files" : "/api/v1/files?visibility=" + visibility;
        return send(HttpRequest.POST(uri, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /**
     * Uploads with the whole multipart body built up front, so that the request declares its
     * Content-Length, as browsers and curl do. {@link #upload} streams it chunked instead.
     */
    public Reply uploadWithLength(String fileName, byte[] content) {
        String boundary = "kglab-" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var builder = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/files"));
        Session current = session;
        if (current != null) {
            builder.header("Authorization", "Bearer " + current.accessToken());
        }
        var request = builder
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        return sendPlain(java.net.http.HttpClient.newBuilder(), request);
    }

    /** Uploads a text file that must be accepted and ingested, and returns the new document's id once READY. */
    public String uploadText(String fileName, String content) {
        return uploadReady(fileName, Fixtures.text(content), null);
    }

    /** Uploads a file that must be accepted (202) and ingested, and returns its document's id once READY. */
    public String uploadReady(String fileName, byte[] content, @Nullable String visibility) {
        Reply reply = upload(fileName, content, visibility);
        if (reply.status() != 202) {
            throw new AssertionError("Upload of " + fileName + " answered " + reply.status() + ": " + reply.body());
        }
        String id = reply.json().read("$.documentId");
        awaitJobEnd(reply.json().read("$.jobId"));
        String status = documentStatus(id);
        if (!"READY".equals(status)) {
            throw new AssertionError("Document " + fileName + " ended " + status + ": " + documentField(id,
                    "failureReason"));
        }
        return id;
    }

    /** Waits until the job has ended (SUCCEEDED, DEAD or CANCELLED) and returns it, as the REST API shows it. */
    public DocumentContext awaitJobEnd(String jobId) {
        return awaitJobEnd(jobId, java.time.Duration.ofSeconds(60));
    }

    public DocumentContext awaitJobEnd(String jobId, java.time.Duration timeout) {
        var last = new java.util.concurrent.atomic.AtomicReference<DocumentContext>();
        Eventually.await("job " + jobId + " to end", timeout, () -> {
            Reply reply = get("/api/v1/jobs/" + jobId);
            if (reply.status() != 200) {
                throw new AssertionError("GET job answered " + reply.status() + ": " + reply.body());
            }
            last.set(reply.json());
            return java.util.Set.of("SUCCEEDED", "DEAD", "CANCELLED").contains(reply.json().<String>read("$.state"));
        });
        return last.get();
    }

    public String documentStatus(String documentId) {
        return documentField(documentId, "status");
    }

    private @Nullable String documentField(String documentId, String field) {
        return graphqlText("query($id: ID!) { document(id: $id) { " + field + " } }", Map.of("id", documentId))
                .read("$.data.document." + field);
    }

    public Reply get(String path) {
        return send(HttpRequest.GET(path));
    }

    /** Runs an operation from {@code src/test/resources/graphql/<file>.graphql}. */
    public DocumentContext graphql(String file, Map<String, Object> variables) {
        return graphqlText(operation(file), variables);
    }

    public DocumentContext graphqlText(String query, Map<String, Object> variables) {
        Reply reply = graphqlReply(query, variables);
        if (reply.status() != 200) {
            throw new AssertionError("GraphQL answered HTTP " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** The whole HTTP answer to a GraphQL operation from {@code src/test/resources/graphql/<file>.graphql}. */
    public Reply graphqlReply(String file, Map<String, Object> variables, boolean fromFile) {
        return graphqlReply(fromFile ? operation(file) : file, variables);
    }

    private Reply graphqlReply(String query, Map<String, Object> variables) {
        return send(HttpRequest.POST("/graphql", Map.of("query", query, "variables", variables))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
    }

    /**
     * Runs an operation anonymously from another client address: any address of 127.0.0.0/8 reaches
     * the service over loopback, and the service sees it as the client's address.
     */
    public Reply graphqlFrom(String clientAddress, String file, Map<String, Object> variables) {
        String body = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(
                Map.of("query", operation(file), "variables", variables));
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.getPort() + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return sendPlain(java.net.http.HttpClient.newBuilder()
                    .localAddress(java.net.InetAddress.getByName(clientAddress)), request);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException("Not an address: " + clientAddress, e);
        }
    }

    /** Sends with the JDK's client, for what the Micronaut client cannot do (a declared length, a source address). */
    private static Reply sendPlain(java.net.http.HttpClient.Builder builder, java.net.http.HttpRequest request) {
        try (var client = builder.build()) {
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An absent leaf, such as {@code $.errors} of a successful response, reads as null. */
    private static final Configuration JSON =
            Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

    public Reply send(MutableHttpRequest<?> request) {
        Session current = session;
        if (current != null && request.getHeaders().getAuthorization().isEmpty()
                && !request.getHeaders().contains("X-API-Key")) {
            request.bearerAuth(current.accessToken());
        }
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return new Reply(response.code(), response.getContentType().map(MediaType::toString).orElse(""),
                    response.body() == null ? "" : response.body(), response.getHeaders().get("Retry-After"));
        } catch (HttpClientResponseException e) {
            return new Reply(e.getStatus().getCode(),
                    e.getResponse().getContentType().map(MediaType::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse(""), e.getResponse().getHeaders().get("Retry-After"));
        }
    }

    /** The text of the operation in {@code src/test/resources/graphql/<file>.graphql}. */
    public static String operation(String file) {
        String resource = "graphql/" + file + ".graphql";
        try (InputStream in = Api.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test operation " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A signed-in user as the tests drive them. */
    public record Session(UUID userId, String email, String password, String accessToken, String refreshToken) {

        public Caller caller() {
            return new Caller(new UserId(userId), Set.of(Role.USER));
        }

        /** The same user, presenting another credential (an API key, or a fresh access token). */
        public Session withToken(String token) {
            return new Session(userId, email, password, token, refreshToken);
        }
    }

    /** An HTTP answer, body as text. */
    public record Reply(int status, String contentType, String body, @Nullable String retryAfter) {

        public DocumentContext json() {
            return JsonPath.using(JSON).parse(body);
        }
    }
}
