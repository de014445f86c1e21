package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.wire.EventStreamMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2ResetFrame;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Inbound: the {@link StreamOperation}'s seat in the pipeline. Starts it on {@link StreamOpened}, hands it
 * each request event and the end of input, and cancels it when the stream ends any way but its own (a
 * fault, a failure, the client leaving). Gives it a {@link StreamContext} whose answers go out through the
 * pipeline; after the stream has ended that context ignores every call.
 */
final class OperationBridge extends ChannelInboundHandlerAdapter {

    private @Nullable ChannelHandlerContext ctx;
    private @Nullable StreamOperation operation;
    private boolean inputComplete;
    private @Nullable Consumer<Boolean> writabilityListener;

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (msg instanceof StreamOpened opened) {
            // The terminator learns first that the response has started: the operation may end it at once.
            context.fireChannelRead(opened);
            operation = opened.operation();
            opened.operation().start(new Context());
        } else if (msg instanceof EventStreamMessage event) {
            StreamOperation current = operation;
            if (current != null) {
                current.onEvent(event);
            }
        } else if (msg == InputEnd.INSTANCE) {
            StreamOperation current = operation;
            if (current != null && !inputComplete) {
                inputComplete = true;
                current.onInputComplete();
            }
        } else {
            if (msg instanceof Http2ResetFrame) {
                cancel();
            }
            context.fireChannelRead(msg);
        }
    }

    /** An end from upstream (a fault, a failed check) is never the operation's own: cancel it first. */
    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) {
        if (event instanceof StreamEnd) {
            cancel();
        }
        context.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        cancel();
        context.fireExceptionCaught(cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        cancel();
        context.fireChannelInactive();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        Consumer<Boolean> listener = writabilityListener;
        if (listener != null && operation != null) {
            listener.accept(context.channel().isWritable());
        }
        context.fireChannelWritabilityChanged();
    }

    private void cancel() {
        StreamOperation current = operation;
        operation = null;
        if (current != null) {
            current.onCancel();
        }
    }

    /** The operation ended the stream itself: it is not cancelled, and the context goes quiet. */
    private void endedByOperation(StreamEnd end) {
        if (operation != null) {
            operation = null;
            context().fireUserEventTriggered(end);
        }
    }

    private ChannelHandlerContext context() {
        ChannelHandlerContext current = ctx;
        if (current == null) {
            throw new IllegalStateException("handler not added");
        }
        return current;
    }

    /** The operation's view of this stream; every call hops onto the stream's event loop. */
    private final class Context implements StreamContext {

        @Override
        public void send(EventStreamMessage event) {
            onLoop(() -> {
                if (operation != null) {
                    context().writeAndFlush(event);
                }
            });
        }

        @Override
        public void complete() {
            onLoop(() -> endedByOperation(new StreamEnd.Completed()));
        }

        @Override
        public void failWithException(String exceptionType, byte[] jsonPayload) {
            onLoop(() -> endedByOperation(new StreamEnd.FailedWithException(exceptionType, jsonPayload)));
        }

        @Override
        public void failWithError(String errorCode, String message) {
            // As for any error end, the operation is cancelled too (it may hold a container connection).
            onLoop(() -> {
                if (operation != null) {
                    cancel();
                    context().fireUserEventTriggered(new StreamEnd.Failed(errorCode, message));
                }
            });
        }

        @Override
        public void reset() {
            onLoop(() -> endedByOperation(new StreamEnd.Reset()));
        }

        @Override
        public void pauseInput() {
            onLoop(() -> {
                if (operation != null) {
                    channel().config().setAutoRead(false);
                }
            });
        }

        @Override
        public void resumeInput() {
            onLoop(() -> {
                if (operation != null && !channel().config().isAutoRead()) {
                    channel().config().setAutoRead(true);
                    channel().read();
                }
            });
        }

        @Override
        public void onWritabilityChanged(Consumer<Boolean> listener) {
            onLoop(() -> writabilityListener = listener);
        }

        @Override
        public ScheduledExecutorService scheduler() {
            return channel().eventLoop();
        }

        private Channel channel() {
            return context().channel();
        }

        private void onLoop(Runnable action) {
            Channel channel = channel();
            if (channel.eventLoop().inEventLoop()) {
                action.run();
            } else {
                channel.eventLoop().execute(action);
            }
        }
    }
}
