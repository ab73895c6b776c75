package org.kglab.graph.entity;

import org.kglab.platform.Failure;

/** The change would make two entities of one owner the same (same key, or same type and name). */
public final class EntityConflict extends Failure {

    EntityConflict(String message) {
        super(Kind.CONFLICT, message);
    }
}
