package org.kglab.duplicates;

import org.kglab.platform.Failure;

/** A near-duplicate list size out of range. */
public final class InvalidListSize extends Failure {

    InvalidListSize(int first) {
        super(Kind.BAD_REQUEST, "'first' of nearDuplicates must be between 1 and " + NearDuplicates.MAX_LISTED
                + ", got " + first + ".");
    }
}
