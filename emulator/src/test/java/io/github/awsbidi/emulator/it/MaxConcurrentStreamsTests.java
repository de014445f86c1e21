package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code SETTINGS_MAX_CONCURRENT_STREAMS} the emulator advertises: 128 unless configured, read by each new
 * connection, and honoured by the SDK, which opens more connections rather than more streams on one.
 */
class MaxConcurrentStreamsTests {

    private static EventLoopGroup group;

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aConnectionIsOffered128StreamsByDefault() throws Exception {
        try (BidiEmulator emulator = BidiEmulator.start()) {
            assertThat(advertisedMaxConcurrentStreams(emulator)).isEqualTo(128L);
        }
    }

    @Test
    void theConfiguredLimitIsAdvertisedAndAChangeAppliesToNewConnections() throws Exception {
        try (BidiEmulator emulator = BidiEmulator.start(
                EmulatorConfig.builder().maxConcurrentStreams(3).build())) {
            assertThat(advertisedMaxConcurrentStreams(emulator)).isEqualTo(3L);

            emulator.reconfigure(config -> config.maxConcurrentStreams(1000));

            assertThat(advertisedMaxConcurrentStreams(emulator)).isEqualTo(1000L);
        }
    }

    @Test
    void theSdkSpreadsStreamsBeyondTheLimitOverMoreConnections() throws Exception {
        int limit = 2;
        int streams = 5;
        try (BidiEmulator emulator = BidiEmulator.start(
                        EmulatorConfig.builder().maxConcurrentStreams(limit).build());
                SdkClients clients = new SdkClients(emulator)) {
            long connectionsBefore = emulator.stats().connectionsAccepted();
            CompletableFuture<Void> release = new CompletableFuture<>();
            List<Streams.BedrockResult> results = IntStream.range(0, streams)
                    .mapToObj(i -> Streams.bedrock(
                            clients.bedrock,
                            "echo-limit",
                            Flux.concat(
                                    Flux.just("{\"stream\":" + i + "}"),
                                    Mono.fromFuture(release).thenMany(Flux.<String>empty()))))
                    .toList();

            // All of them open at once: more than one connection may carry.
            await().atMost(Duration.ofSeconds(30)).until(() -> emulator.stats().activeStreams() == streams);
            release.complete(null);

            for (int i = 0; i < streams; i++) {
                assertThat(results.get(i).await()).as("stream %d", i).containsExactly("{\"stream\":" + i + "}");
            }
            assertThat(emulator.stats().connectionsAccepted() - connectionsBefore)
                    .isGreaterThanOrEqualTo((streams + limit - 1) / limit);
        }
    }

    /** Opens an h2c connection with prior knowledge and returns the server's first SETTINGS value. */
    private static long advertisedMaxConcurrentStreams(BidiEmulator emulator) throws Exception {
        CompletableFuture<Long> advertised = new CompletableFuture<>();
        Channel channel = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(
                                        Http2FrameCodecBuilder.forClient().build(), new ChannelInboundHandlerAdapter() {
                                            @Override
                                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                                if (msg instanceof Http2SettingsFrame settings) {
                                                    Long value =
                                                            settings.settings().maxConcurrentStreams();
                                                    advertised.complete(value == null ? -1L : value);
                                                }
                                                ReferenceCountUtil.release(msg);
                                            }
                                        });
                    }
                })
                .connect("127.0.0.1", emulator.port())
                .sync()
                .channel();
        try {
            return advertised.get(10, TimeUnit.SECONDS);
        } finally {
            channel.close().sync();
        }
    }
}
