package org.kglab.ingestion;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.server.HttpServerConfiguration;
import jakarta.inject.Singleton;

/**
 * Keeps the HTTP server's hard ceiling just above the upload limit, so that one setting
 * ({@code KGLAB_UPLOAD_MAX_BYTES}) governs both: a body that declares a larger length is refused
 * before it is read, and the upload code counts the rest exactly as they stream.
 */
@Singleton
final class ServerLimits implements BeanCreatedEventListener<HttpServerConfiguration> {

    /** Room for multipart boundaries, part headers and the file name around the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final UploadProperties upload;

    ServerLimits(UploadProperties upload) {
        this.upload = upload;
    }

    @Override
    public HttpServerConfiguration onCreated(BeanCreatedEvent<HttpServerConfiguration> event) {
        HttpServerConfiguration server = event.getBean();
        long ceiling = upload.maxBytes() + MULTIPART_OVERHEAD;
        server.setMaxRequestSize(ceiling);
        server.getMultipart().setMaxFileSize(ceiling);
        return server;
    }
}
