package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Faults;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

/**
 * Netty's leak detector (PARANOID in every test run) reports no leaked buffer after traffic through
 * both operations, an injected fault, a rejected open and a malformed frame. It runs last (see
 * junit-platform.properties), so leaks reported while earlier test classes ran count too. A deliberately leaked canary buffer proves that detection ran.
 */
@Order(Integer.MAX_VALUE)
class LeakDetectionTests {

    private static final String CANARY = "aws-bidi-leak-canary";

    @Test
    void trafficLeavesNoLeakedBuffer() throws Exception {
        assertThat(LeakRecorder.installed())
                .as("leak recorder installed by TestSession")
                .isTrue();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
        BidiEmulator emulator = SharedEmulators.emulator(false);
        emulator.reconfigure(config -> config.bedrockModel(
                "echo-leak-reset", BedrockModel.echo().withFaults(Faults.none().withResetAfterFrames(1))));
        try (SdkClients clients = new SdkClients(emulator, emulator.accessKeyId(), emulator.secretAccessKey());
                SdkClients corrupting = new SdkClients(
                        emulator,
                        StaticCredentials.of(emulator),
                        List.of(new CorruptFirstEventCrc("echo-leak-corrupted")))) {
            Streams.bedrock(clients.bedrock, "echo-leak", Flux.just("{\"n\":1}", "{\"n\":2}"))
                    .await();
            Streams.sagemaker(clients.sagemaker, Streams.endpoint("echo"), Flux.just(Streams.text("hi")))
                    .await();
            Streams.sagemaker(clients.sagemaker, Streams.endpoint("no-such-endpoint"), Flux.just(Streams.text("hi")))
                    .failure();
            Streams.bedrock(clients.bedrock, "echo-leak-reset", Streams.thenHold("{\"n\":1}"))
                    .await();
            Streams.bedrock(corrupting.bedrock, "echo-leak-corrupted", Streams.thenHold("{\"n\":1}"))
                    .failure();
        }

        leakCanary();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            collectGarbageAndAllocate();
            return LeakRecorder.leaks().stream().anyMatch(leak -> leak.records().contains(CANARY));
        });

        LeakRecorder.forget(leak -> leak.records().contains(CANARY));
        assertThat(LeakRecorder.leaks()).isEmpty();
    }

    private static void leakCanary() {
        ByteBuf canary = ByteBufAllocator.DEFAULT.buffer(16);
        canary.touch(CANARY);
    }

    /** A collected leak is reported when the detector next tracks a buffer. */
    private static void collectGarbageAndAllocate() {
        System.gc();
        for (int i = 0; i < 100; i++) {
            ByteBufAllocator.DEFAULT.buffer(16).release();
        }
    }
}
