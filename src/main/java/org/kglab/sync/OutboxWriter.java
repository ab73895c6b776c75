package org.kglab.sync;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;
import org.kglab.platform.change.Change;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Appends an outbox entry for every {@link Change}, inside the transaction that made the change, just before it
 * commits: the change and its entry are stored together or not at all. It knows no aggregate by name.
 */
@Singleton
class OutboxWriter {

    private final Outbox outbox;
    private final ObjectMapper json;

    OutboxWriter(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.BEFORE_COMMIT)
    void on(Change change) {
        outbox.append(change.aggregateType(), change.aggregateId(), change.revision(), toJson(change.state()));
    }

    private String toJson(@Nullable Object state) {
        if (state == null) {
            return "null";
        }
        try {
            return json.writeValueAsString(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
