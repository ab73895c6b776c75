package org.kglab.ingestion;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Bounds on uploads.
 *
 * @param maxBytes largest accepted file ({@code KGLAB_UPLOAD_MAX_BYTES}, default 50 MB)
 * @param maxTextChars extracted text beyond this many characters is cut off
 */
@ConfigurationProperties("kglab.upload")
public record UploadProperties(
        @Bindable(defaultValue = "52428800") long maxBytes,
        @Bindable(defaultValue = "20000000") int maxTextChars) {
}
