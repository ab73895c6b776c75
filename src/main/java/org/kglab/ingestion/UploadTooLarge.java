package org.kglab.ingestion;

import org.kglab.platform.Failure;

/** The upload is bigger than the configured limit. */
public final class UploadTooLarge extends Failure {

    public UploadTooLarge(long sizeBytes, long limitBytes) {
        this(sizeBytes, limitBytes, false);
    }

    /** Too large by an amount nobody counted: a body without a declared length, cut off by the server. */
    public static UploadTooLarge overLimit(long limitBytes) {
        return new UploadTooLarge(limitBytes, limitBytes, true);
    }

    /**
     * @param sizeIsLowerBound true when the body was cut off before its end, so that only a lower
     *                         bound of its size is known
     */
    UploadTooLarge(long sizeBytes, long limitBytes, boolean sizeIsLowerBound) {
        super(Kind.PAYLOAD_TOO_LARGE, "File too large: " + (sizeIsLowerBound ? "more than " : "") + Sizes.human(sizeBytes)
                + ", the limit is " + Sizes.human(limitBytes) + ".");
    }
}
