package org.kglab.audit;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** One row of the audit trail. {@code actorId} is who acted, {@code target} what they acted on. */
@MappedEntity("audit_log")
public record AuditEntry(
        @Id @GeneratedValue Long id,
        Instant occurredAt,
        AuditAction action,
        @Nullable UUID actorId,
        @Nullable String target,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String detail) {
}
