package org.kglab.platform.change;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Tells, for one aggregate type, what its followers should hold now: the current state of each live aggregate as
 * the {@link Change} its owner would publish. Implemented by the feature that owns the aggregate, so that whoever
 * checks a follower (the reconciler) can compare and republish without naming the feature.
 */
public interface ChangeSource {

    /** The smallest id: where a walk in id order starts. */
    UUID FIRST = new UUID(0, 0);

    /** The aggregate type of the changes this source describes. */
    String aggregateType();

    /** The live aggregates with an id after {@code after} (in PostgreSQL's uuid order), at most {@code limit}. */
    List<Change> currentAfter(UUID after, int limit);

    /** Those of {@code ids} that are live; an id missing from the answer is gone. */
    List<Change> current(Collection<UUID> ids);
}
