package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.local.LocalAddress;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-VM connection behind a stream's built-in container runs on an NIO event loop (where Netty's
 * LocalChannel is refused) and behaves as the loopback socket did wherever the container contract can tell:
 * bytes in order, back-pressure from a reader that stops reading, and a close seen after the bytes before it.
 */
class InVmChannelTests {

    private static final int CHUNK = 1024;

    private static EventLoopGroup group;

    @BeforeAll
    static void startLoop() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopLoop() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void bytesArriveInOrderBothWaysOnAnNioLoop() throws Exception {
        EventLoop loop = group.next();
        InVmChannel[] ends = pair();
        Reader atServer = new Reader();
        Reader atClient = new Reader();
        ends[1].pipeline().addLast(atServer);
        ends[0].pipeline().addLast(atClient);
        assertThat(loop.register(ends[1]).sync().isSuccess()).isTrue();
        assertThat(loop.register(ends[0]).sync().isSuccess()).isTrue();
        try {
            ends[0].writeAndFlush(bytes("hello ")).sync();
            ends[0].writeAndFlush(bytes("container")).sync();
            ends[1].writeAndFlush(bytes("hi")).sync();

            await().atMost(Duration.ofSeconds(10)).until(() -> atServer.text().equals("hello container"));
            await().atMost(Duration.ofSeconds(10)).until(() -> atClient.text().equals("hi"));
        } finally {
            ends[0].close().sync();
        }
        assertThat(ends[1].closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aReaderThatStopsReadingHoldsTheWriterBackThenTakesEverything() throws Exception {
        EventLoop loop = group.next();
        InVmChannel[] ends = pair();
        Reader atServer = new Reader();
        ends[1].config().setAutoRead(false);
        ends[1].pipeline().addLast(atServer);
        loop.register(ends[1]).sync();
        loop.register(ends[0]).sync();
        int chunks = 1000;
        List<ChannelFuture> writes = new CopyOnWriteArrayList<>();
        try {
            loop.submit(() -> {
                        for (int i = 0; i < chunks; i++) {
                            writes.add(ends[0].writeAndFlush(chunk(i)));
                        }
                    })
                    .sync();
            // Nothing more moves until the reader reads: the writer is unwritable and most writes are pending.
            await().atMost(Duration.ofSeconds(10)).until(() -> !ends[0].isWritable());
            long written = loop.submit(
                            () -> writes.stream().filter(ChannelFuture::isDone).count())
                    .get(10, TimeUnit.SECONDS);
            assertThat(written).isLessThanOrEqualTo(SocketBuffers.BYTES / CHUNK);
            assertThat(atServer.received.size()).isZero();

            ends[1].config().setAutoRead(true);

            await().atMost(Duration.ofSeconds(10)).until(() -> atServer.received.size() == chunks * CHUNK);
            assertThat(writes).allMatch(ChannelFuture::isSuccess);
            assertThat(ends[0].isWritable()).isTrue();
            byte[] all = atServer.received.toByteArray();
            for (int i = 0; i < chunks; i++) {
                assertThat(all[i * CHUNK]).isEqualTo((byte) i);
            }
        } finally {
            ends[0].close().sync();
        }
    }

    @Test
    void aCloseReachesTheReaderAfterTheBytesWrittenBeforeIt() throws Exception {
        EventLoop loop = group.next();
        InVmChannel[] ends = pair();
        Reader atServer = new Reader();
        ends[1].config().setAutoRead(false);
        ends[1].pipeline().addLast(atServer);
        loop.register(ends[1]).sync();
        loop.register(ends[0]).sync();

        ends[0].writeAndFlush(bytes("last words")).sync();
        ends[0].close().sync();
        // Not reading, the server's end does not see the close yet, as with a socket.
        assertThat(loop.submit(ends[1]::isOpen).get(10, TimeUnit.SECONDS)).isTrue();

        ends[1].config().setAutoRead(true);

        assertThat(ends[1].closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(atServer.inactive.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(atServer.text()).isEqualTo("last words");
        assertThat(atServer.textWhenInactive).isEqualTo("last words");
        // Writing to the closed end fails, as writing to a reset socket does.
        assertThat(ends[0].writeAndFlush(bytes("more")).await().isSuccess()).isFalse();
    }

    private static InVmChannel[] pair() {
        return InVmChannel.pair(new LocalAddress("test-client"), new LocalAddress("test-server"));
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text.getBytes());
    }

    private static ByteBuf chunk(int index) {
        byte[] bytes = new byte[CHUNK];
        bytes[0] = (byte) index;
        return Unpooled.wrappedBuffer(bytes);
    }

    /** Collects the bytes it reads, and what it had read when the connection went inactive. */
    private static final class Reader extends ChannelInboundHandlerAdapter {

        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        volatile String textWhenInactive = "";
        /** Counted down once the channel went inactive (which Netty fires after the close future completes). */
        final java.util.concurrent.CountDownLatch inactive = new java.util.concurrent.CountDownLatch(1);

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf bytes = (ByteBuf) msg;
            try {
                synchronized (received) {
                    bytes.readBytes(received, bytes.readableBytes());
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            } finally {
                bytes.release();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            textWhenInactive = text();
            inactive.countDown();
        }

        String text() {
            synchronized (received) {
                return received.toString();
            }
        }
    }
}
