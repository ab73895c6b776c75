package org.kglab.ingestion;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.kglab.platform.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Receives uploads into the staging directory: streamed to disk in small buffers, hashed on the
 * way, and cut off at the size limit. Nothing here ever holds a whole file in memory.
 */
@Singleton
final class Staging {

    private static final Logger LOG = LoggerFactory.getLogger(Staging.class);
    private static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path dir;
    private final long maxBytes;
    private final Clock clock;

    Staging(StorageProperties storage, UploadProperties upload, Clock clock) {
        this.dir = storage.staging();
        this.maxBytes = upload.maxBytes();
        this.clock = clock;
    }

    StagedFile receive(InputStream body) {
        Path target = dir.resolve(UUID.randomUUID() + ".part");
        MessageDigest sha256 = sha256();
        long size = 0;
        try {
            Files.createDirectories(dir);
            try (OutputStream out = Files.newOutputStream(target)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = body.read(buffer)) != -1; ) {
                    size += n;
                    if (size > maxBytes) {
                        throw tooLarge(size, body, buffer);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new EmptyUpload("The file is empty. Upload a file with content.");
            }
            return new StagedFile(target, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (IOException e) {
            discard(target);
            throw new UncheckedIOException("Could not receive the upload", e);
        } catch (RuntimeException e) {
            discard(target);
            throw e;
        }
    }

    void discard(Path staged) {
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            LOG.warn("Could not delete staged upload {}: {}", staged.getFileName(), e.getMessage());
        }
    }

    /**
     * Reads and counts the rest of an oversized upload, so that the client gets the answer rather
     * than a reset connection, and the message a better figure. The HTTP server cuts bodies off a
     * little beyond the limit, and a cut body can look like a complete one, so the count is only
     * ever a lower bound. (A body that declares its length is refused earlier, with the exact size.)
     */
    private UploadTooLarge tooLarge(long counted, InputStream body, byte[] buffer) {
        long size = counted;
        try {
            for (int n; (n = body.read(buffer)) != -1; ) {
                size += n;
            }
        } catch (IOException e) {
            // The server gave up on the body; what was counted stands.
        }
        return new UploadTooLarge(size, maxBytes, true);
    }

    /**
     * The refusal of a body the HTTP server would not read because it is past the limit.
     * @param declaredLength the length the client declared, or a negative number if it declared none
     */
    UploadTooLarge refusal(long declaredLength) {
        return declaredLength > maxBytes ? new UploadTooLarge(declaredLength, maxBytes) : UploadTooLarge.overLimit(maxBytes);
    }

    /** Uploads interrupted by a crash leave staged files behind; they are of no use to anyone. */
    @EventListener
    void removeAbandoned(StartupEvent event) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant cutoff = clock.instant().minus(ABANDONED_AFTER);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> isOlderThan(p, cutoff)).forEach(this::discard);
        } catch (IOException e) {
            LOG.warn("Could not clean the staging directory: {}", e.getMessage());
        }
    }

    private static boolean isOlderThan(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
