package org.kglab.sync;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.UUID;

/** One pending change for the graph, as the relay claims it. */
@MappedEntity("outbox")
record OutboxEntry(@Id long id, String aggregateType, UUID aggregateId, long aggregateVersion, String eventType,
                   String payload, int attempts) {
}
