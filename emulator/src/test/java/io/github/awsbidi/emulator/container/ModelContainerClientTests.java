package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelContainerClientTests {

    private static EventLoopGroup group;

    private final RecordingListener listener = new RecordingListener();

    @BeforeAll
    static void startGroup() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
    }

    @AfterAll
    static void stopGroup() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private ContainerConnection connect(URI baseUri, ContainerClientOptions options) throws Exception {
        return ModelContainerClient.connect(group, baseUri, null, null, listener, Duration.ofSeconds(5), options)
                .get(10, TimeUnit.SECONDS);
    }

    @Test
    void partialPartialCompleteIsOneFragmentedMessageOnTheWire() throws Exception {
        try (var server = new RawWebSocketServer(group, true)) {
            ContainerConnection connection = connect(server.baseUri(), ContainerClientOptions.defaults());
            connection.send(ContainerFrame.binary(new byte[] {1}, false)).get(5, TimeUnit.SECONDS);
            connection.send(ContainerFrame.binary(new byte[] {2}, false)).get(5, TimeUnit.SECONDS);
            connection.send(ContainerFrame.binary(new byte[] {3}, true)).get(5, TimeUnit.SECONDS);
            connection.send(ContainerFrame.utf8("next")).get(5, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(() -> server.frames().size() == 4);
            assertThat(server.frames())
                    .extracting(RawWebSocketServer.WireFrame::kind, RawWebSocketServer.WireFrame::fin)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("BinaryWebSocketFrame", false),
                            org.assertj.core.groups.Tuple.tuple("ContinuationWebSocketFrame", false),
                            org.assertj.core.groups.Tuple.tuple("ContinuationWebSocketFrame", true),
                            org.assertj.core.groups.Tuple.tuple("TextWebSocketFrame", true));
            connection.abort();
        }
    }

    @Test
    void localCloseSendsTheCodeAndReasonAndReportsNothing() throws Exception {
        try (var server = new RawWebSocketServer(group, true)) {
            ContainerConnection connection = connect(server.baseUri(), ContainerClientOptions.defaults());
            connection.close(4000, "client went away");

            await().atMost(Duration.ofSeconds(10)).until(() -> server.closedConnections() == 1);
            var close = server.frames().peek();
            assertThat(close).isNotNull();
            assertThat(close.kind()).isEqualTo("CloseWebSocketFrame");
            assertThat(new String(close.payload(), 2, close.payload().length - 2))
                    .isEqualTo("client went away");
            assertThat(listener.terminalCallbacks()).isZero();
        }
    }

    @Test
    void abortDropsTheConnectionWithoutAClosingHandshake() throws Exception {
        try (var server = new RawWebSocketServer(group, true)) {
            ContainerConnection connection = connect(server.baseUri(), ContainerClientOptions.defaults());
            connection.abort();

            await().atMost(Duration.ofSeconds(10)).until(() -> server.closedConnections() == 1);
            assertThat(server.frames()).isEmpty();
            assertThat(listener.terminalCallbacks()).isZero();
        }
    }

    @Test
    void closeRejectsCodesThatMayNotBeSent() throws Exception {
        try (var server = new RawWebSocketServer(group, true)) {
            ContainerConnection connection = connect(server.baseUri(), ContainerClientOptions.defaults());
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> connection.close(1006, "abnormal"))
                    .withMessageContaining("statusCode 1006");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> connection.close(1000, "x".repeat(124)))
                    .withMessageContaining("at most 123");
            connection.abort();
        }
    }

    @Test
    void answeredPingsKeepTheConnection() throws Exception {
        try (var server = new RawWebSocketServer(group, true)) {
            ContainerConnection connection = connect(
                    server.baseUri(), ContainerClientOptions.defaults().withPingInterval(Duration.ofMillis(20)));

            await().atMost(Duration.ofSeconds(10)).until(() -> server.pings() >= 10);
            assertThat(listener.failure()).isNull();
            assertThat(connection.send(ContainerFrame.utf8("still open"))).succeedsWithin(Duration.ofSeconds(5));
            connection.abort();
        }
    }

    @Test
    void fiveUnansweredPingsFailTheConnection() throws Exception {
        try (var server = new RawWebSocketServer(group, false)) {
            connect(server.baseUri(), ContainerClientOptions.defaults().withPingInterval(Duration.ofMillis(20)));

            await().atMost(Duration.ofSeconds(10)).until(() -> listener.failure() != null);
            assertThat(listener.failure()).hasMessageContaining("did not answer 5 WebSocket pings");
            await().atMost(Duration.ofSeconds(10)).until(() -> server.closedConnections() == 1);
            assertThat(server.pings()).isEqualTo(5);
            assertThat(listener.terminalCallbacks()).isEqualTo(1);
        }
    }

    @Test
    void droppedConnectionIsReportedAsFailure() throws Exception {
        try (var server = new RawWebSocketServer(group, true)) {
            connect(server.baseUri(), ContainerClientOptions.defaults());
            server.dropConnections();

            await().atMost(Duration.ofSeconds(10)).until(() -> listener.failure() != null);
            assertThat(listener.failure()).hasMessageContaining("was lost");
            assertThat(listener.closed()).isNull();
        }
    }

    @Test
    void connectToAClosedPortFailsFast() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CompletableFuture<ContainerConnection> connecting = ModelContainerClient.connect(
                group, URI.create("ws://127.0.0.1:" + port), null, null, listener, Duration.ofSeconds(60));

        assertThat(connecting)
                .failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause()
                .isInstanceOf(ContainerConnectException.class)
                .withMessageStartingWith("Failed to establish WebSocket connection to ws://127.0.0.1:" + port
                        + "/invocations-bidirectional-stream");
    }

    @Test
    void connectTimesOutAgainstAServerThatNeverAnswersTheHandshake() throws Exception {
        Channel silent = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInboundHandlerAdapter())
                .bind(new InetSocketAddress("127.0.0.1", 0))
                .syncUninterruptibly()
                .channel();
        try {
            int port = ((InetSocketAddress) silent.localAddress()).getPort();
            CompletableFuture<ContainerConnection> connecting = ModelContainerClient.connect(
                    group, URI.create("ws://127.0.0.1:" + port), null, null, listener, Duration.ofMillis(300));

            assertThat(connecting)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(ContainerConnectException.class)
                    .withMessageContaining("Failed to establish WebSocket connection");
        } finally {
            silent.close().syncUninterruptibly();
        }
    }

    @Test
    void rejectedHandshakeFailsTheConnect() throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        http.start();
        try {
            CompletableFuture<ContainerConnection> connecting = ModelContainerClient.connect(
                    group,
                    URI.create("ws://127.0.0.1:" + http.getAddress().getPort()),
                    null,
                    null,
                    listener,
                    Duration.ofSeconds(5));

            assertThat(connecting)
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(ContainerConnectException.class)
                    .withMessageContaining("404");
        } finally {
            http.stop(0);
        }
    }
}
