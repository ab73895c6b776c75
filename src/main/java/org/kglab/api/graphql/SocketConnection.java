package org.kglab.api.graphql;

import io.micronaut.http.HttpRequest;
import org.jspecify.annotations.Nullable;
import org.kglab.audit.Origin;
import reactor.core.Disposable;
import reactor.core.Disposables;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One graphql-ws connection: the request that opened it, the credential its {@code connection_init}
 * carried, and the operations it is running, by the ids the client gave them. Ids belong to the
 * connection, so one client can never stop or collide with another's operation.
 */
final class SocketConnection {

    enum Reservation { RESERVED, DUPLICATE, TOO_MANY, CLOSED }

    /** Completed by {@link #open}: messages that arrive before it wait, in order, until then. */
    private final CompletableFuture<@Nullable Void> opened = new CompletableFuture<>();
    private @Nullable HttpRequest<?> upgrade;
    private @Nullable Origin origin;
    private final Map<String, Disposable.Swap> operations = new HashMap<>();
    private boolean initialised;
    private @Nullable String credential;
    private boolean closed;
    private CompletableFuture<?> queue = opened;
    private int pending;

    /**
     * The upgrade request is known: handling may start. The open callback and the first message run on threads of
     * their own, and a client may send {@code connection_init} the moment the upgrade completes.
     */
    void open(HttpRequest<?> upgrade) {
        synchronized (this) {
            this.upgrade = upgrade;
            this.origin = GraphQLCaller.originOf(upgrade);
        }
        opened.complete(null);
    }

    /** Only called while handling a message, which never starts before {@link #open}. */
    synchronized HttpRequest<?> upgrade() {
        return Objects.requireNonNull(upgrade, "the connection is not open yet");
    }

    synchronized Origin origin() {
        return Objects.requireNonNull(origin, "the connection is not open yet");
    }

    /**
     * Runs a message's handling after the ones before it, in the order they came, off the event loop:
     * a {@code complete} must never overtake the {@code subscribe} it ends. False when {@code max} messages
     * are already waiting, which only a client that does not wait for answers achieves.
     */
    synchronized boolean enqueue(Runnable handling, Executor executor, int max) {
        if (pending >= max) {
            return false;
        }
        pending++;
        queue = queue.handleAsync((ignored, failure) -> {
            try {
                handling.run();
            } finally {
                handled();
            }
            return null;
        }, executor);
        return true;
    }

    private synchronized void handled() {
        pending--;
    }

    /** True for the first {@code connection_init} only; the protocol allows one. */
    synchronized boolean firstInit() {
        boolean first = !initialised;
        initialised = true;
        return first;
    }

    synchronized void acknowledge(String credential) {
        this.credential = credential;
    }

    /** The credential of an acknowledged connection; null before {@code connection_ack}. */
    synchronized @Nullable String credential() {
        return credential;
    }

    synchronized Reservation reserve(String id, int max) {
        if (closed) {
            return Reservation.CLOSED;
        }
        if (operations.containsKey(id)) {
            return Reservation.DUPLICATE;
        }
        if (operations.size() >= max) {
            return Reservation.TOO_MANY;
        }
        operations.put(id, Disposables.swap());
        return Reservation.RESERVED;
    }

    /** Binds a reserved id to its running operation; stopped at once if the id was completed meanwhile. */
    synchronized void bind(String id, Disposable running) {
        Disposable.Swap slot = operations.get(id);
        if (slot == null) {
            running.dispose();
        } else {
            slot.update(running);
        }
    }

    /** The operation ended by itself: its id may be used again. */
    synchronized void ended(String id) {
        operations.remove(id);
    }

    /** Whether the operation still runs for the client (it has not sent {@code complete}). */
    synchronized boolean running(String id) {
        return operations.containsKey(id);
    }

    /** The client completed the operation: stop it, and send nothing more for it. */
    synchronized void stop(String id) {
        Disposable.Swap slot = operations.remove(id);
        if (slot != null) {
            slot.dispose();
        }
    }

    synchronized void close() {
        closed = true;
        operations.values().forEach(Disposable::dispose);
        operations.clear();
    }
}
