package org.kglab.audit;

import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Appends to the audit trail. A record joins the caller's transaction when there is one, so an
 * action that rolls back leaves no trace claiming it happened; outside one it commits on its own,
 * which is what failed logins need. Never give it a secret: details are read by administrators.
 */
@Singleton
public class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("org.kglab.audit");
    private static final int MAX_DETAIL = 500;

    private final AuditEntries entries;
    private final Clock clock;

    AuditLog(AuditEntries entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void record(AuditAction action, @Nullable UUID actor, @Nullable String target, Origin origin,
                       @Nullable String detail) {
        String boundedDetail = detail != null && detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail;
        entries.append(clock.instant().truncatedTo(ChronoUnit.MICROS), action.name(), actor, target, origin.address(),
                origin.userAgent(), boundedDetail);
        LOG.info("{} actor={} target={} ip={}", action, actor, target, origin.address());
    }

    /** Newest first, {@code limit} entries older than {@code beforeId} (null: from the newest). */
    public List<AuditEntry> page(@Nullable Long beforeId, @Nullable AuditAction action, int limit) {
        return entries.page(beforeId == null ? Long.MAX_VALUE : beforeId, action == null ? null : action.name(), limit);
    }
}
