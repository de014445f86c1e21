package io.github.awsbidi.emulator.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.config.Variant;
import io.github.awsbidi.emulator.container.BuiltInModel;
import io.github.awsbidi.emulator.container.ContainerClientOptions;
import io.github.awsbidi.emulator.container.ContainerConnection;
import io.github.awsbidi.emulator.container.ContainerFrame;
import io.github.awsbidi.emulator.container.ContainerListener;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A SageMaker stream's container connection is opened on, and stays on, the stream's event loop. */
class ContainerDirectoryTests {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(3, NioIoHandler.newFactory());
    private final ContainerDirectory directory = new ContainerDirectory(group);

    @AfterEach
    void close() {
        directory.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** Echo answers the frame with itself, transcribe-sim (20 ms of silence at 16 kHz) with a Results message. */
    @Test
    void everyBuiltInContainerIsConnectedOnTheStreamsLoop() throws Exception {
        for (BuiltInModel model : BuiltInModel.values()) {
            for (EventExecutor executor : group) {
                EventLoop streamLoop = (EventLoop) executor;
                FirstFrame listener = new FirstFrame(streamLoop);
                ContainerConnection connection = directory
                        .connect(
                                new Variant("AllTraffic", model.id()),
                                streamLoop,
                                null,
                                null,
                                listener,
                                Duration.ofSeconds(5),
                                ContainerClientOptions.defaults())
                        .get(10, TimeUnit.SECONDS);
                try {
                    assertThat(connection.eventLoop()).isSameAs(streamLoop);
                    // Sent from the loop, as the bridge sends: a completion attached from another thread could
                    // run on that thread when the write finished first.
                    CompletableFuture<Boolean> sentOnLoop = new CompletableFuture<>();
                    streamLoop.execute(() -> connection
                            .send(ContainerFrame.binary(new byte[640]))
                            .whenComplete((ignored, error) -> {
                                if (error != null) {
                                    sentOnLoop.completeExceptionally(error);
                                } else {
                                    sentOnLoop.complete(streamLoop.inEventLoop());
                                }
                            }));
                    assertThat(sentOnLoop.get(10, TimeUnit.SECONDS)).isTrue();
                    assertThat(listener.onLoop.get(10, TimeUnit.SECONDS)).isTrue();
                } finally {
                    connection.abort();
                }
            }
        }
    }

    /** Completes with whether the first callback ran on the expected loop. */
    private static final class FirstFrame implements ContainerListener {

        final CompletableFuture<Boolean> onLoop = new CompletableFuture<>();
        private final EventLoop loop;

        FirstFrame(EventLoop loop) {
            this.loop = loop;
        }

        @Override
        public void onFrame(ContainerFrame frame) {
            onLoop.complete(loop.inEventLoop());
        }

        @Override
        public void onClose(int statusCode, String reason) {
            onLoop.complete(loop.inEventLoop());
        }

        @Override
        public void onFailure(Throwable cause) {
            onLoop.completeExceptionally(cause);
        }
    }
}
