package org.kglab.api.graphql;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.micronaut.configuration.graphql.GraphQLInvocationData;
import io.micronaut.configuration.graphql.ws.GraphQLWsConfiguration;
import io.micronaut.configuration.graphql.ws.GraphQLWsHandler;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.NonBlocking;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import org.kglab.identity.access.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;

/**
 * GraphQL over WebSocket (the graphql-ws protocol, sub-protocol {@code graphql-transport-ws}) at
 * {@code /graphql-ws}, in place of the library's handler, which ignores {@code connection_init}: it
 * would run every operation as whoever opened the socket, and browsers cannot send credentials then.
 *
 * <p>The upgrade itself is anonymous (application.yml permits it); nothing runs until the
 * {@code connection_init} payload authenticated (see {@link SocketAuthenticator}). Close codes are the
 * protocol's: 4400 invalid message, 4401 no credential or an operation before {@code connection_ack},
 * 4403 a credential that authenticates no one, 4408 no {@code connection_init} in time, 4409 an id
 * already running, 4429 a second {@code connection_init}, 4500 a bug; and 1009 for a message too big.
 */
@ServerWebSocket(value = "${graphql.graphql-ws.path:/graphql-ws}", subprotocols = "graphql-transport-ws")
@Requires(property = GraphQLWsConfiguration.ENABLED_CONFIG, value = StringUtils.TRUE,
        defaultValue = StringUtils.FALSE)
@Replaces(GraphQLWsHandler.class)
final class SubscriptionSocket {

    /** Operations one connection may run at once; GraphiQL needs one. */
    static final int MAX_OPERATIONS = 10;
    /** The largest message a client may send: an operation and its variables, never a file. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;
    /** Messages received but not yet handled, per connection: a client that floods is closed (1008). */
    static final int MAX_WAITING_MESSAGES = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionSocket.class);
    private static final String CONNECTION = SocketConnection.class.getName();

    private final SocketMessages messages;
    private final SocketAuthenticator authenticator;
    private final SocketExecutor executor;
    private final TaskScheduler scheduler;
    private final GraphQLWsConfiguration configuration;
    private final ExecutorService blocking;

    SubscriptionSocket(SocketMessages messages, SocketAuthenticator authenticator, SocketExecutor executor,
                       @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler, GraphQLWsConfiguration configuration,
                       @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.blocking = blocking;
        this.messages = messages;
        this.authenticator = authenticator;
        this.executor = executor;
        this.scheduler = scheduler;
        this.configuration = configuration;
    }

    @OnOpen
    void open(WebSocketSession session, HttpRequest<?> request) {
        SocketConnection connection = connectionOf(session);
        connection.open(request);
        scheduler.schedule(configuration.getConnectionInitWaitTimeout(), () -> {
            if (connection.credential() == null && session.isOpen()) {
                close(session, 4408, "Connection initialisation timeout");
            }
        });
    }

    /**
     * Queued on the event loop, handled in order on a blocking thread (authenticating and starting an
     * operation may read the database).
     */
    @OnMessage(maxPayloadLength = MAX_MESSAGE_BYTES)
    @NonBlocking
    void message(String text, WebSocketSession session) {
        SocketConnection connection = connectionOf(session);
        // The frame limit above bounds each frame; a message sent in fragments is bounded here.
        if (text.length() > MAX_MESSAGE_BYTES) {
            close(session, 1009, "Message too big: the limit is " + MAX_MESSAGE_BYTES / 1024 + " KiB");
        } else if (!connection.enqueue(() -> handle(text, connection, session), blocking, MAX_WAITING_MESSAGES)) {
            close(session, 1008, "Too many messages waiting: wait for answers before sending more");
        }
    }

    /** The session's connection, made by whichever comes first: the open callback or the first message. */
    private static SocketConnection connectionOf(WebSocketSession session) {
        synchronized (session) {
            return session.get(CONNECTION, SocketConnection.class).orElseGet(() -> {
                SocketConnection connection = new SocketConnection();
                session.put(CONNECTION, connection);
                return connection;
            });
        }
    }

    private void handle(String text, SocketConnection connection, WebSocketSession session) {
        try {
            SocketMessages.Inbound message = messages.read(text);
            switch (message.type()) {
                case "connection_init" -> initialise(connection, message, session);
                case "ping" -> session.sendAsync(messages.pong());
                case "pong" -> { }
                case "subscribe" -> subscribe(connection, message, session);
                case "complete" -> connection.stop(requiredId(message));
                default -> throw new SocketMessages.Invalid("Invalid message: unknown type");
            }
        } catch (SocketMessages.Invalid | GraphQLRequest.Malformed e) {
            close(session, 4400, String.valueOf(e.getMessage()));
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("GraphQL WebSocket message failed, reference {}", reference, e);
            close(session, 4500, "Internal error, reference " + reference);
        }
    }

    @OnClose
    void closed(WebSocketSession session) {
        session.get(CONNECTION, SocketConnection.class).ifPresent(SocketConnection::close);
    }

    private void initialise(SocketConnection connection, SocketMessages.Inbound message, WebSocketSession session) {
        if (!connection.firstInit()) {
            close(session, 4429, "Too many initialisation requests");
            return;
        }
        String credential = SocketAuthenticator.credential(message.payload());
        if (credential == null) {
            close(session, 4401, "Unauthorized: send {\"Authorization\": \"Bearer <accessToken>\"} in connection_init");
            return;
        }
        if (authenticator.authenticate(credential, connection.upgrade()).isEmpty()) {
            close(session, 4403, "Forbidden: the access token or API key is invalid or has expired");
            return;
        }
        connection.acknowledge(credential);
        session.sendAsync(messages.ack());
    }

    private void subscribe(SocketConnection connection, SocketMessages.Inbound message, WebSocketSession session) {
        String id = requiredId(message);
        String credential = connection.credential();
        if (credential == null) {
            close(session, 4401, "Unauthorized");
            return;
        }
        // Checked again for every operation, so that signing out or expiry ends what the socket may start.
        Optional<Caller> caller = authenticator.authenticate(credential, connection.upgrade());
        if (caller.isEmpty()) {
            close(session, 4403, "Forbidden: the sign-in has ended or expired; connect again with a fresh token");
            return;
        }
        GraphQLInvocationData data = GraphQLRequest.fromJson(messages.mapper(), message.payload());
        switch (connection.reserve(id, MAX_OPERATIONS)) {
            case DUPLICATE -> close(session, 4409, "Subscriber for " + id + " already exists");
            case TOO_MANY -> session.sendAsync(messages.error(id, List.of(badRequest("At most " + MAX_OPERATIONS
                    + " operations may run at once on one connection: complete one first."))));
            case CLOSED -> { }
            case RESERVED -> connection.bind(id, executor.execute(data, caller.get(), connection.origin())
                    .subscribe(result -> send(connection, session, id, result),
                            failure -> failed(connection, session, id, failure),
                            () -> completed(connection, session, id)));
        }
    }

    /**
     * A result without data (the request was refused, or the root field failed, such as a job that is not
     * the caller's) ends the operation with {@code error}; any other is a {@code next}.
     */
    private void send(SocketConnection connection, WebSocketSession session, String id, ExecutionResult result) {
        if (!connection.running(id)) {
            return;
        }
        if (!result.getErrors().isEmpty() && result.getData() == null) {
            connection.stop(id);
            session.sendAsync(messages.error(id, result.getErrors()));
        } else {
            session.sendAsync(messages.next(id, result));
        }
    }

    private void completed(SocketConnection connection, WebSocketSession session, String id) {
        if (connection.running(id)) {
            connection.ended(id);
            session.sendAsync(messages.complete(id));
        }
    }

    private void failed(SocketConnection connection, WebSocketSession session, String id, Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.error("GraphQL operation over WebSocket failed, reference {}", reference, failure);
        if (connection.running(id)) {
            connection.ended(id);
            session.sendAsync(messages.error(id, List.of(GraphqlErrorBuilder.newError().errorType(ErrorCode.INTERNAL)
                    .message("Internal error. Quote reference " + reference + " when reporting it.").build())));
        }
    }

    private static String requiredId(SocketMessages.Inbound message) {
        if (message.id() == null) {
            throw new SocketMessages.Invalid("Invalid message: '" + message.type() + "' needs an 'id'");
        }
        return message.id();
    }

    private static GraphQLError badRequest(String text) {
        return GraphqlErrorBuilder.newError().errorType(ErrorCode.BAD_REQUEST).message(text).build();
    }

    /** A close reason has at most 123 bytes (RFC 6455); ours are short, and an id is cut to fit. */
    private static void close(WebSocketSession session, int code, String reason) {
        String bounded = reason;
        while (bounded.getBytes(StandardCharsets.UTF_8).length > 123) {
            bounded = bounded.substring(0, bounded.length() - 1);
        }
        session.close(new CloseReason(code, bounded));
    }
}
