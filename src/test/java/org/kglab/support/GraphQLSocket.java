package org.kglab.support;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.runtime.server.EmbeddedServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A graphql-ws client as other clients speak it: a real WebSocket (the JDK's) to {@code /graphql-ws}
 * with the {@code graphql-transport-ws} sub-protocol, JSON messages in and out, and the close code the
 * server ends with.
 */
public final class GraphQLSocket implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    /** How the server closed the socket. */
    public record Closed(int code, String reason) {
    }

    private static final Configuration JSON =
            Configuration.defaultConfiguration().addOptions(Option.DEFAULT_PATH_LEAF_TO_NULL);

    private final HttpClient client = HttpClient.newHttpClient();
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private GraphQLSocket(URI uri) {
        this.socket = client.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(uri, new Listener()).join();
    }

    public static GraphQLSocket open(EmbeddedServer server) {
        return new GraphQLSocket(URI.create("ws://127.0.0.1:" + server.getPort() + "/graphql-ws"));
    }

    /** Sends {@code connection_init} with {@code payload} (the credential, or none). */
    public GraphQLSocket init(Map<String, Object> payload) {
        return send(Map.of("type", "connection_init", "payload", payload));
    }

    /** Initialises with an access token as GraphiQL sends it, and waits for the acknowledgement. */
    public GraphQLSocket initWith(String token) {
        init(Map.of("Authorization", "Bearer " + token));
        DocumentContext ack = next();
        if (!"connection_ack".equals(ack.read("$.type"))) {
            throw new AssertionError("Expected connection_ack, got " + ack.jsonString());
        }
        return this;
    }

    public GraphQLSocket subscribe(String id, String query, Map<String, Object> variables) {
        return send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
    }

    public GraphQLSocket send(Map<String, Object> message) {
        return sendText(JSONObjectUtils.toJSONString(new LinkedHashMap<>(message)));
    }

    public GraphQLSocket sendText(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** Sends one text message in several frames, as clients may for a long one. */
    public GraphQLSocket sendInFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
        return this;
    }

    /**
     * Sends the parts as fragments of one message that does not end (no final fragment), stopping once the server
     * has closed the socket.
     */
    public GraphQLSocket sendFragments(String... parts) {
        for (String part : parts) {
            if (isClosed()) {
                break;
            }
            try {
                socket.sendText(part, false).join();
            } catch (CompletionException e) {
                break;  // the server closed the connection while this fragment was on its way
            }
        }
        return this;
    }

    /** The next message from the server. */
    public DocumentContext next() {
        try {
            String text = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (text == null) {
                throw new AssertionError("No message within " + WAIT + (closed.isDone() ? "; closed " + closed.join() : ""));
            }
            return JsonPath.using(JSON).parse(text);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every message of operation {@code id} up to and including its {@code complete} or {@code error}. */
    public List<DocumentContext> untilDone(String id) {
        List<DocumentContext> messages = new ArrayList<>();
        while (true) {
            DocumentContext message = next();
            if (!id.equals(message.read("$.id"))) {
                throw new AssertionError("A message for another operation: " + message.jsonString());
            }
            messages.add(message);
            String type = message.read("$.type");
            if (type.equals("complete") || type.equals("error")) {
                return messages;
            }
        }
    }

    /** Waits for the server to close the socket, and says how; fails if it sent anything before. */
    public Closed awaitClose() {
        try {
            Closed result = closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (!received.isEmpty()) {
                throw new AssertionError("Messages before the close: " + received);
            }
            return result;
        } catch (TimeoutException e) {
            throw new AssertionError("The server did not close the socket within " + WAIT + "; received " + received, e);
        } catch (ExecutionException e) {
            throw new AssertionError("The socket failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
        client.close();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(new Closed(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
