package org.kglab.platform;

import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One JSON endpoint of a model service (embeddings, chat completions): a POST bounded in time and in the size of
 * the answer, with the key sent as a bearer token and named in no message. Every way of failing becomes the
 * caller's own {@link Failure}, through {@code failure}, with a sentence that names the service and the endpoint.
 */
public final class JsonService {

    /** Builds the caller's failure from a sentence and its cause, if any. */
    @FunctionalInterface
    public interface Failures {
        Failure failure(String message, @Nullable Throwable cause);
    }

    private static final int MAX_ERROR_CHARS = 300;

    private final String name;
    private final URI endpoint;
    private final @Nullable String key;
    private final Duration timeout;
    private final int maxResponseBytes;
    private final Failures failures;
    private final HttpClient http;

    /** @param name what the service is, in words: "embedding service", "entity extraction service" */
    public JsonService(String name, URI endpoint, @Nullable String key, Duration connectTimeout, Duration timeout,
                       int maxResponseBytes, Failures failures) {
        this.name = name;
        this.endpoint = endpoint;
        this.key = key == null || key.isBlank() ? null : key;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
        this.failures = failures;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code base} without trailing slashes, then {@code path}. */
    public static URI endpoint(String base, String path) {
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    public URI endpoint() {
        return endpoint;
    }

    /** The body of a 2xx answer; any other status, no answer or too large an answer is a failure. */
    public byte[] post(byte[] payload) {
        HttpResponse<InputStream> response = send(payload);
        byte[] body = read(response);
        if (response.statusCode() / 100 != 2) {
            throw failures.failure("The " + name + " at " + endpoint + " answered HTTP " + response.statusCode()
                    + ": " + excerpt(body), null);
        }
        return body;
    }

    /** A failure saying the answer is not what was expected, quoting its start. */
    public Failure malformed(String expected, byte[] body, @Nullable Throwable cause) {
        return failures.failure("The " + name + " at " + endpoint + " sent an answer that is not " + expected + ": "
                + excerpt(body), cause);
    }

    /** A failure about the answer's content, in the caller's words. */
    public Failure refused(String what) {
        return failures.failure("The " + name + " at " + endpoint + " " + what, null);
    }

    private HttpResponse<InputStream> send(byte[] payload) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw failures.failure("The " + name + " at " + endpoint + " could not be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failures.failure("Interrupted while waiting for the " + name, e);
        }
    }

    private byte[] read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] body = in.readNBytes(maxResponseBytes + 1);
            if (body.length > maxResponseBytes) {
                throw failures.failure("The " + name + " at " + endpoint + " sent more than "
                        + size(maxResponseBytes), null);
            }
            return body;
        } catch (IOException e) {
            throw failures.failure("Reading the answer of the " + name + " at " + endpoint + " failed: " + e, e);
        }
    }

    private static String size(int bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : bytes + " bytes";
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.length() <= MAX_ERROR_CHARS ? text : text.substring(0, MAX_ERROR_CHARS) + "…";
    }
}
