package org.kglab.api.graphql;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Puts a text message together from its frames, bounded. The server limits each frame, but would join
 * any number of fragments into one message; here the whole message counts against the limit, and a
 * message over it is refused before it is held. Frames arrive on the connection's event loop, in order.
 */
final class SocketFrames {

    /** What became of a frame. */
    sealed interface Outcome permits Message, Partial, TooBig, NotText {
    }

    record Message(String text) implements Outcome {
    }

    record Partial() implements Outcome {
    }

    record TooBig() implements Outcome {
    }

    record NotText() implements Outcome {
    }

    private final int maxBytes;
    private @Nullable ByteArrayOutputStream partial;

    SocketFrames(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Takes one frame (and releases it). */
    synchronized Outcome add(WebSocketFrame frame) {
        try {
            if (frame instanceof BinaryWebSocketFrame) {
                return new NotText();
            }
            ByteBuf content = frame.content();
            ByteArrayOutputStream buffer = partial == null ? new ByteArrayOutputStream() : partial;
            if (buffer.size() + content.readableBytes() > maxBytes) {
                partial = null;
                return new TooBig();
            }
            content.readBytes(buffer, content.readableBytes());
            if (!frame.isFinalFragment()) {
                partial = buffer;
                return new Partial();
            }
            partial = null;
            return new Message(buffer.toString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            frame.release();
        }
    }
}
