package org.kglab.audit;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The audit_log table: appended to, and read newest first. */
@JdbcRepository(dialect = Dialect.POSTGRES)
interface AuditEntries extends GenericRepository<AuditEntry, Long> {

    @Query("""
            INSERT INTO audit_log (occurred_at, action, actor_id, target, ip, user_agent, detail)
            VALUES (:occurredAt, :action, :actorId, :target, :ip, :userAgent, :detail)
            """)
    void append(Instant occurredAt, String action, @Nullable UUID actorId, @Nullable String target, String ip,
                String userAgent, @Nullable String detail);

    /** Keyset page, newest first; {@code action} null means every action. */
    @Query("""
            SELECT * FROM audit_log
            WHERE id < :before AND (CAST(:action AS text) IS NULL OR action = :action)
            ORDER BY id DESC
            LIMIT :limit
            """)
    List<AuditEntry> page(long before, @Nullable String action, int limit);
}
