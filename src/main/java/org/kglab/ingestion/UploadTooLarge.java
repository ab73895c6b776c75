package org.kglab.ingestion;

/** The upload is bigger than the configured limit. */
public final class UploadTooLarge extends RuntimeException {

    public UploadTooLarge(long sizeBytes, long limitBytes) {
        super("File too large: " + Sizes.human(sizeBytes) + ", the limit is " + Sizes.human(limitBytes) + ".");
    }
}
