package org.kglab.documents;

import org.jspecify.annotations.Nullable;
import org.kglab.platform.Failure;

/**
 * A bounded request for one page.
 *
 * @param first how many documents, 1..{@value #MAX_FIRST}
 * @param after the cursor of the last document already seen, or null for the first page
 */
public record PageRequest(int first, @Nullable String after) {

    public static final int MAX_FIRST = 100;

    public PageRequest {
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidPageSize(first);
        }
    }

    /** Page size out of range. */
    public static final class InvalidPageSize extends Failure {
        InvalidPageSize(int first) {
            super(Kind.BAD_REQUEST, "'first' must be between 1 and " + MAX_FIRST + ", got " + first + ".");
        }
    }
}
