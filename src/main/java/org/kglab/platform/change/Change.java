package org.kglab.platform.change;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import java.util.UUID;

/**
 * A change to one aggregate, published by the feature that owns it inside the transaction that made it. Whoever
 * follows the aggregate in another store (the outbox, before commit) stores it with that transaction.
 *
 * <p>It is state transfer, not a delta: {@code state} is the aggregate's whole state after the change, as a
 * serialisable record whose field names are stored and never change, or null when the aggregate is gone. So only
 * the newest revision of an aggregate matters, and applying a change twice is harmless.
 *
 * @param aggregateType names the projection that applies it; changes with the same {@code aggregateId} apply in
 *                      the order they were published, whatever their type
 * @param revision      grows with every change of this aggregate of this type
 */
public record Change(String aggregateType, UUID aggregateId, long revision, @Nullable Object state) {

    public Change {
        if (aggregateType.isBlank() || aggregateType.length() > 100) {
            throw new IllegalArgumentException("An aggregate type is 1 to 100 characters: '" + aggregateType + "'");
        }
        Objects.requireNonNull(aggregateId, "aggregateId");
        if (revision < 1) {
            throw new IllegalArgumentException("A revision is positive: " + revision);
        }
    }

    /** The aggregate now has this state. */
    public static Change of(String aggregateType, UUID aggregateId, long revision, Object state) {
        return new Change(aggregateType, aggregateId, revision, Objects.requireNonNull(state, "state"));
    }

    /** The aggregate is gone as of this revision. */
    public static Change removed(String aggregateType, UUID aggregateId, long revision) {
        return new Change(aggregateType, aggregateId, revision, null);
    }
}
