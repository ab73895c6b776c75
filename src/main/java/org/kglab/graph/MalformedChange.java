package org.kglab.graph;

import org.kglab.platform.Failure;

/** A change whose state lacks what its projection needs, or holds a value of the wrong kind. */
public final class MalformedChange extends Failure {

    MalformedChange(String message) {
        super(Kind.UNPROCESSABLE, message);
    }
}
