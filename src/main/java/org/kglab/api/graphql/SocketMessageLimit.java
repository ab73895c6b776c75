package org.kglab.api.graphql;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import jakarta.inject.Singleton;
import org.jspecify.annotations.Nullable;

/**
 * Bounds a WebSocket message sent in fragments while it arrives. The frame decoder bounds each frame, but the
 * framework joins a message's fragments without limit before a handler sees it, so an anonymous client could
 * make the server hold any amount of memory. This handler sits where the frame decoder will be once a connection
 * is upgraded (right after the HTTP codec, which the upgrade replaces), counts the fragments of each message, and
 * closes the connection (1009) as soon as one grows past {@link SubscriptionSocket#MAX_MESSAGE_BYTES}. HTTP
 * traffic passes through untouched.
 */
final class SocketMessageLimit extends ChannelInboundHandlerAdapter {

    static final String NAME = "kglab-websocket-message-limit";

    private final int limit;
    /** Bytes of the message being received in fragments, or -1 between messages. */
    private long received = -1;

    SocketMessageLimit(int limit) {
        this.limit = limit;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof WebSocketFrame frame && !(frame instanceof CloseWebSocketFrame)
                && (frame instanceof ContinuationWebSocketFrame || !frame.isFinalFragment() || received >= 0)) {
            if (tooBig(frame)) {
                frame.release();
                ctx.writeAndFlush(new CloseWebSocketFrame(1009,
                        "Message too big: the limit is " + limit / 1024 + " KiB")).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        ctx.fireChannelRead(message);
    }

    /** Counts a frame of a fragmented message (control frames in between do not count). */
    private boolean tooBig(WebSocketFrame frame) {
        boolean data = frame instanceof ContinuationWebSocketFrame || !frame.isFinalFragment();
        if (!data) {
            return false;
        }
        received = Math.max(received, 0) + frame.content().readableBytes();
        boolean over = received > limit;
        if (frame.isFinalFragment()) {
            received = -1;
        }
        return over;
    }

    /** Puts a limit on every HTTP/1 connection, after its codec. */
    @Singleton
    static final class Installer implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

        @Override
        public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
            event.getBean().register(new OnConnection(null));
            return event.getBean();
        }
    }

    private record OnConnection(@Nullable Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new OnConnection(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(NAME) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, NAME,
                        new SocketMessageLimit(SubscriptionSocket.MAX_MESSAGE_BYTES));
            }
        }
    }
}
