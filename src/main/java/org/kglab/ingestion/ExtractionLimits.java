package org.kglab.ingestion;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Says, in words a user can act on, which bound a file ran into when its extraction failed. */
@Singleton
final class ExtractionLimits {

    private final ExtractionProperties extraction;

    ExtractionLimits(ExtractionProperties extraction) {
        this.extraction = extraction;
    }

    ExtractionFailed expandsTooMuch(Path file, Throwable cause) {
        long size = sizeOf(file);
        return new ExtractionFailed("The file expands to more than " + Sizes.human(size * extraction.maxExpansionRatio())
                + " when unpacked, over " + extraction.maxExpansionRatio() + " times its own size of "
                + Sizes.human(size) + ". That is how compression bombs look, so it was not stored.", cause);
    }

    /** The extraction process is gone: stopped at the timeout, or out of its memory. */
    ExtractionFailed processEnded(Duration elapsed, Throwable cause) {
        if (elapsed.compareTo(extraction.timeout()) >= 0) {
            return new ExtractionFailed("Extraction took longer than " + seconds(extraction.timeout())
                    + ", the limit for one file, and was stopped. The file was not stored; try a smaller or "
                    + "simpler version of it.", cause);
        }
        return new ExtractionFailed("Extracting the text needed more than " + extraction.heapMb()
                + " MB of memory, the limit for one file, and was stopped. The file was not stored; try a "
                + "smaller or simpler version of it.", cause);
    }

    static ExtractionFailed unreadable(SupportedType type, Throwable cause) {
        return new ExtractionFailed("The file looks like " + type.mediaType() + " but could not be read: it may be "
                + "corrupt or truncated.", cause);
    }

    static ExtractionFailed encrypted(@Nullable Throwable cause) {
        return new ExtractionFailed("The document is encrypted or password-protected, so its text cannot be read. "
                + "Upload an unprotected copy.", cause);
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() >= 1 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
