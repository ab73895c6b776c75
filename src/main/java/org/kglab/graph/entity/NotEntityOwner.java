package org.kglab.graph.entity;

import org.kglab.platform.Failure;

/** The entity is visible to the caller (it is public) but belongs to someone else. */
public final class NotEntityOwner extends Failure {

    NotEntityOwner(String message) {
        super(Kind.FORBIDDEN, message);
    }
}
