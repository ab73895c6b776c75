package org.kglab.support;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The service's HTTP API as a client sees it: uploads over REST, named GraphQL operations. */
@Singleton
public final class Api {

    private final HttpClient http;
    private final EmbeddedServer server;

    Api(@Client("/") HttpClient http, EmbeddedServer server) {
        this.http = http;
        this.server = server;
    }

    public Reply upload(String fileName, byte[] content) {
        var body = MultipartBody.builder()
                .addPart("file", fileName, MediaType.APPLICATION_OCTET_STREAM_TYPE, content)
                .build();
        return send(HttpRequest.POST("/api/v1/files", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    /**
     * Uploads with the whole multipart body built up front, so that the request declares its
     * Content-Length, as browsers and curl do. {@link #upload} streams it chunked instead.
     */
    public Reply uploadWithLength(String fileName, byte[] content) {
        String boundary = "kglab-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = java.net.http.HttpRequest.newBuilder(server.getURI().resolve("/api/v1/files"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try (var client = java.net.http.HttpClient.newHttpClient()) {
            var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Uploads a text file that must be accepted, and returns the new document's id. */
    public String uploadText(String fileName, String content) {
        Reply reply = upload(fileName, Fixtures.text(content));
        if (reply.status() != 201) {
            throw new AssertionError("Upload of " + fileName + " answered " + reply.status() + ": " + reply.body());
        }
        return reply.json().read("$.documentId");
    }

    public Reply get(String path) {
        return send(HttpRequest.GET(path));
    }

    /** Runs an operation from {@code src/test/resources/graphql/<file>.graphql}. */
    public DocumentContext graphql(String file, Map<String, Object> variables) {
        return graphqlText(operation(file), variables);
    }

    public DocumentContext graphqlText(String query, Map<String, Object> variables) {
        Reply reply = send(HttpRequest.POST("/graphql", Map.of("query", query, "variables", variables))
                .contentType(MediaType.APPLICATION_JSON_TYPE));
        if (reply.status() != 200) {
            throw new AssertionError("GraphQL answered HTTP " + reply.status() + ": " + reply.body());
        }
        return reply.json();
    }

    /** An absent leaf, such as {@code $.errors} of a successful response, reads as null. */
    private static final Configuration JSON =
            Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

    public Reply send(HttpRequest<?> request) {
        try {
            HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
            return new Reply(response.code(), response.getContentType().map(MediaType::toString).orElse(""),
                    response.body() == null ? "" : response.body());
        } catch (HttpClientResponseException e) {
            return new Reply(e.getStatus().getCode(),
                    e.getResponse().getContentType().map(MediaType::toString).orElse(""),
                    e.getResponse().getBody(String.class).orElse(""));
        }
    }

    private static String operation(String file) {
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

    /** An HTTP answer, body as text. */
    public record Reply(int status, String contentType, String body) {

        public DocumentContext json() {
            return JsonPath.using(JSON).parse(body);
        }
    }
}
