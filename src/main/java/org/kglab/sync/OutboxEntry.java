package org.kglab.sync;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/**
 * One pending change, as the relay claims it.
 *
 * @param payload  the aggregate's state after the change as JSON, or JSON {@code null} when it is gone
 * @param attempts tries so far, those while Neo4j was unreachable included
 * @param failures failures the entry itself caused; at the limit it is parked
 */
@MappedEntity("outbox")
record OutboxEntry(@Id long id, String aggregateType, UUID aggregateId, long revision, String payload, int attempts,
                   int failures) {
}
