package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A stream's connection to a built-in container ({@link BuiltInContainerServer#connect}) is in-VM, with no socket,
 * and lives on the stream's event loop at both ends, still with the WebSocket handshake and framing, so frames
 * need no system call and no hand-off between threads; other clients of the same container reach its TCP port
 * and land on any loop as before.
 */
class SameLoopConnectionTests {

    private static final int LOOPS = 4;

    private static EventLoopGroup group;
    private static BuiltInContainerServer server;

    @BeforeAll
    static void startContainer() {
        group = new MultiThreadIoEventLoopGroup(LOOPS, NioIoHandler.newFactory());
        server = BuiltInContainerServer.start(BuiltInModel.ECHO, group);
    }

    @AfterAll
    static void stopContainer() {
        server.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void bothEndsOfEachConnectionLiveOnTheLoopItWasOpenedFrom() throws Exception {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor executor : group) {
            loops.add((EventLoop) executor);
        }
        assertThat(loops).hasSize(LOOPS);
        List<ContainerConnection> open = new ArrayList<>();
        try {
            for (EventLoop loop : loops) {
                LoopRecordingListener listener = new LoopRecordingListener(loop);
                ContainerConnection connection = server.connect(
                                loop, null, null, listener, Duration.ofSeconds(5), ContainerClientOptions.defaults())
                        .get(10, TimeUnit.SECONDS);
                open.add(connection);
                Channel client = ((WebSocketContainerConnection) connection).channel();

                assertThat(client).isInstanceOf(InVmChannel.class);
                Channel containerEnd = ((InVmChannel) client).peer();
                assertThat(client.eventLoop()).isSameAs(loop);
                assertThat(containerEnd.eventLoop()).isSameAs(loop);
                await().atMost(Duration.ofSeconds(10))
                        .until(() -> server.connections().contains(containerEnd));

                // The contract over it is unchanged: a fragmented message comes back as its fragments.
                connection.send(ContainerFrame.utf8("{\"a\":", false));
                connection.send(ContainerFrame.binary("1}".getBytes(), true));
                connection.send(ContainerFrame.binary(new byte[] {1, 2, 3}));
                await().atMost(Duration.ofSeconds(10)).until(() -> listener.frames.size() == 3);
                assertThat(listener.frames)
                        .containsExactly(
                                ContainerFrame.utf8("{\"a\":", false),
                                ContainerFrame.utf8("1}", true),
                                ContainerFrame.binary(new byte[] {1, 2, 3}));
                // Every callback ran on the stream's loop itself.
                assertThat(listener.offLoopCalls).isEmpty();
            }
        } finally {
            open.forEach(ContainerConnection::abort);
        }
    }

    @Test
    void aContainerCloseStillReachesTheListenerOnTheStreamsLoop() throws Exception {
        EventLoop loop = group.next();
        LoopRecordingListener listener = new LoopRecordingListener(loop);
        ContainerConnection connection = server.connect(
                        loop, null, null, listener, Duration.ofSeconds(5), ContainerClientOptions.defaults())
                .get(10, TimeUnit.SECONDS);

        connection.send(ContainerFrame.utf8("{\"type\":\"Close\",\"code\":1011,\"reason\":\"model crashed\"}"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.closes.isEmpty());
        assertThat(listener.closes).containsExactly("1011 model crashed");
        assertThat(listener.offLoopCalls).isEmpty();
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        !((WebSocketContainerConnection) connection).channel().isOpen());
    }

    @Test
    void anUnexpectedClientIsServedOnAnyLoop() throws Exception {
        RecordingListener listener = new RecordingListener();
        ContainerConnection connection = ModelContainerClient.connect(
                        group, server.baseUri(), null, null, listener, Duration.ofSeconds(5))
                .get(10, TimeUnit.SECONDS);
        try {
            connection.send(ContainerFrame.utf8("plain")).get(5, TimeUnit.SECONDS);

            assertThat(listener.nextFrame()).isEqualTo(ContainerFrame.utf8("plain"));
            Channel client = ((WebSocketContainerConnection) connection).channel();
            assertThat(client.remoteAddress()).isInstanceOf(InetSocketAddress.class);
        } finally {
            connection.abort();
        }
    }

    /** Records frames and closes, and every callback that did not run on the expected loop. */
    private static final class LoopRecordingListener implements ContainerListener {

        final List<ContainerFrame> frames = new CopyOnWriteArrayList<>();
        final List<String> closes = new CopyOnWriteArrayList<>();
        final List<String> offLoopCalls = new CopyOnWriteArrayList<>();
        private final EventLoop loop;

        LoopRecordingListener(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void onFrame(ContainerFrame frame) {
            check("onFrame");
            frames.add(frame);
        }

        @Override
        public void onClose(int statusCode, String reason) {
            check("onClose");
            closes.add(statusCode + " " + reason);
        }

        @Override
        public void onFailure(Throwable cause) {
            check("onFailure " + cause);
        }

        private void check(String call) {
            if (!loop.inEventLoop()) {
                offLoopCalls.add(call + " on " + Thread.currentThread().getName());
            }
        }
    }
}
