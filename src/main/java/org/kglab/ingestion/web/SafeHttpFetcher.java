package org.kglab.ingestion.web;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.kglab.Application;
import org.kglab.ingestion.UploadProperties;
import org.kglab.platform.Failure;
import org.kglab.platform.StorageProperties;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * GET over HTTP(S) for content someone asked us to fetch, which means an untrusted URL: only http and
 * https, no credentials, public addresses only ({@link GuardedResolver}, on every hop, since redirects
 * are followed here one by one), bounded in time (connect, silence, total) and size (the upload limit),
 * and only the content types the caller takes. The body goes to a file in the staging area, never
 * whole into memory. It says who it is: {@code KnowledgeGraphLab/<version> (+<public url>)}.
 */
@Singleton
public final class SafeHttpFetcher {

    private final CloseableHttpClient client;
    private final FetchProperties properties;
    private final long maxBytes;
    private final Path staging;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("fetch-deadline").factory());

    SafeHttpFetcher(FetchProperties properties, UploadProperties upload, StorageProperties storage) {
        this.properties = properties;
        this.maxBytes = upload.maxBytes();
        this.staging = storage.staging();
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedResolver(AllowList.parse(properties.allowed())))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                        .setSocketTimeout(Timeout.of(properties.readTimeout()))
                        .build())
                .setMaxConnTotal(20)
                .setMaxConnPerRoute(4)
                .build();
        // No system proxy, no cookies, no automatic redirects or retries: every request is one we checked.
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(userAgent(properties.publicUrl()))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(properties.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .build())
                .build();
    }

    static String userAgent(URI publicUrl) {
        String version = Application.class.getPackage().getImplementationVersion();
        return "KnowledgeGraphLab/" + (version == null ? "dev" : version) + " (+" + publicUrl + ")";
    }

    /**
     * Fetches a URL a user gave, following redirects.
     *
     * @param etag         sent as If-None-Match, for a conditional GET
     * @param lastModified sent as If-Modified-Since
     */
    public FetchResult fetch(String url, ContentKind kind, @Nullable String etag, @Nullable String lastModified) {
        URI current = Urls.parse(url);
        long deadline = System.nanoTime() + properties.totalTimeout().toNanos();
        for (int hop = 0; hop <= properties.maxRedirects(); hop++) {
            Urls.check(current);
            Hop result = hop(current, kind, etag, lastModified, deadline);
            if (result.redirect == null) {
                return java.util.Objects.requireNonNull(result.result, "a hop without a redirect has a result");
            }
            current = result.redirect;
        }
        throw FetchFailed.tooManyRedirects(Urls.parse(url), properties.maxRedirects());
    }

    private Hop hop(URI url, ContentKind kind, @Nullable String etag, @Nullable String lastModified, long deadline) {
        var request = new HttpGet(url);
        request.setHeader("Accept", kind.acceptHeader());
        if (etag != null) {
            request.setHeader("If-None-Match", etag);
        }
        if (lastModified != null) {
            request.setHeader("If-Modified-Since", lastModified);
        }
        var timedOut = new AtomicBoolean();
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw FetchFailed.timedOut(properties.totalTimeout(), url);
        }
        ScheduledFuture<?> alarm = deadlines.schedule(() -> {
            timedOut.set(true);
            request.cancel();
        }, remaining, TimeUnit.NANOSECONDS);
        ClassicHttpResponse response = null;
        boolean complete = false;
        try {
            response = client.executeOpen(null, request, null);
            Hop hop = answer(url, kind, response);
            complete = true;
            return hop;
        } catch (ConnectTimeoutException e) {
            throw FetchFailed.timedOut(properties.connectTimeout(), url);
        } catch (SocketTimeoutException e) {
            throw FetchFailed.timedOut(properties.readTimeout(), url);
        } catch (IOException e) {
            if (timedOut.get()) {
                throw FetchFailed.timedOut(properties.totalTimeout(), url);
            }
            throw FetchFailed.unreachable(url, e);
        } catch (Failure e) {
            throw e;
        } catch (RuntimeException e) {
            if (timedOut.get()) {
                throw FetchFailed.timedOut(properties.totalTimeout(), url);
            }
            throw e;
        } finally {
            alarm.cancel(false);
            if (!complete) {
                // Closing a response drains what is left of its body; an abandoned body is cut off instead.
                request.cancel();
            }
            close(response);
        }
    }

    private Hop answer(URI url, ContentKind kind, ClassicHttpResponse response) throws IOException {
        int status = response.getCode();
        if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
            Header location = response.getFirstHeader("Location");
            if (location == null) {
                throw FetchFailed.status(url, status);
            }
            return new Hop(null, Urls.resolve(url, location.getValue()));
        }
        if (status == 304) {
            return new Hop(new FetchResult.NotModified(url), null);
        }
        if (status < 200 || status >= 300) {
            throw FetchFailed.status(url, status);
        }
        HttpEntity entity = response.getEntity();
        String contentType = entity == null || entity.getContentType() == null ? "" : entity.getContentType();
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!kind.accepts(mediaType)) {
            throw FetchFailed.unsupportedType(url, mediaType.isEmpty() ? "(none)" : mediaType, kind.describe());
        }
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            throw FetchFailed.tooLarge(url, declared, false, maxBytes);
        }
        Path file = receive(url, entity);
        try {
            return new Hop(new FetchResult.Content(file, Files.size(file), url, mediaType, charset(contentType),
                    header(response, "ETag"), header(response, "Last-Modified")), null);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    private Path receive(URI url, HttpEntity entity) throws IOException {
        Files.createDirectories(staging);
        Path file = staging.resolve(UUID.randomUUID() + ".fetch");
        boolean received = false;
        try (InputStream in = entity.getContent(); OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long size = 0;
            for (int n; (n = in.read(buffer)) != -1; ) {
                size += n;
                if (size > maxBytes) {
                    throw FetchFailed.tooLarge(url, maxBytes, true, maxBytes);
                }
                out.write(buffer, 0, n);
            }
            received = true;
            return file;
        } finally {
            if (!received) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static @Nullable String charset(String contentType) {
        for (String parameter : contentType.split(";")) {
            String p = parameter.strip();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String value = p.substring("charset=".length()).replace("\"", "").strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static @Nullable String header(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null || header.getValue().isBlank() || header.getValue().length() > 1024
                ? null : header.getValue();
    }

    private static void close(@Nullable ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            // The connection is discarded either way.
        }
    }

    @PreDestroy
    void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    Duration totalTimeout() {
        return properties.totalTimeout();
    }

    /** One request's outcome: a result, or where it redirects to. */
    private record Hop(@Nullable FetchResult result, @Nullable URI redirect) {
    }
}
