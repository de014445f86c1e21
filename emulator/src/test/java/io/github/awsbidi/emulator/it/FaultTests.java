package io.github.awsbidi.emulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.config.Faults;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

/** Each transport fault, seen through the real SDK client over h2c and TLS. */
@ParameterizedClass(name = "tls={0}")
@ValueSource(booleans = {false, true})
class FaultTests {

    @Parameter
    boolean tls;

    private BidiEmulator emulator() {
        return SharedEmulators.emulator(tls);
    }

    private String echoModelWith(String name, Faults faults) {
        String modelId = "echo-fault-" + name;
        emulator()
                .reconfigure(config ->
                        config.bedrockModel(modelId, BedrockModel.echo().withFaults(faults)));
        return modelId;
    }

    @Test
    void firstResponseDelayHoldsTheResponseBackAtLeastThatLong() throws Exception {
        Duration delay = Duration.ofMillis(300);
        String modelId = echoModelWith("delay", Faults.none().withFirstResponseDelay(delay));

        long start = System.nanoTime();
        var result = Streams.bedrock(SharedEmulators.clients(tls).bedrock, modelId, Flux.just("{\"n\":1}"));
        result.response().get(30, TimeUnit.SECONDS);
        long elapsed = System.nanoTime() - start;

        assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(delay);
        assertThat(result.await()).containsExactly("{\"n\":1}");
    }

    /**
     * The emulator sends RST_STREAM(INTERNAL_ERROR) after the answers to the first two events. The SDK
     * (2.40.2) reports no error for a reset that follows the response headers: the response simply
     * ends, although the request stream is still open. That is what a caller can observe.
     */
    @Test
    void resetAfterFramesEndsTheResponseWhileTheRequestIsStillOpen() throws Exception {
        String modelId = echoModelWith("reset", Faults.none().withResetAfterFrames(2));
        long completedBefore = emulator().stats().streamsCompleted();

        var result = Streams.bedrock(
                SharedEmulators.clients(tls).bedrock, modelId, Streams.thenHold("{\"n\":1}", "{\"n\":2}"));

        assertThat(result.await()).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(emulator().stats().streamsCompleted()).isEqualTo(completedBefore);
    }

    @Test
    void goAwayLetsTheCurrentStreamFinishAndLaterStreamsUseANewConnection() throws Exception {
        String modelId = echoModelWith("goaway", Faults.none().withGoAwayAfterFrames(1));
        long connectionsBefore = emulator().stats().connectionsAccepted();
        try (SdkClients clients = new SdkClients(emulator())) {
            List<String> sent = List.of("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");

            List<String> current = Streams.bedrock(clients.bedrock, modelId, Flux.fromIterable(sent))
                    .await();
            List<String> later = Streams.bedrock(clients.bedrock, "echo-after-goaway", Flux.just("{\"later\":1}"))
                    .await();

            assertThat(current).containsExactlyElementsOf(sent);
            assertThat(later).containsExactly("{\"later\":1}");
            // One connection for the first stream and, because of the GOAWAY, a second one for the later stream.
            assertThat(emulator().stats().connectionsAccepted() - connectionsBefore)
                    .isEqualTo(2);
        }
    }

    @Test
    void withoutGoAwayLaterStreamsShareTheConnection() throws Exception {
        long connectionsBefore = emulator().stats().connectionsAccepted();
        try (SdkClients clients = new SdkClients(emulator())) {
            Streams.bedrock(clients.bedrock, "echo-no-goaway", Flux.just("{\"n\":1}"))
                    .await();
            Streams.bedrock(clients.bedrock, "echo-no-goaway-later", Flux.just("{\"n\":2}"))
                    .await();

            assertThat(emulator().stats().connectionsAccepted() - connectionsBefore)
                    .isEqualTo(1);
        }
    }

    @Test
    void goAwayAfterZeroFramesIsSentAsTheStreamOpens() throws Exception {
        String modelId = echoModelWith("goaway-zero", Faults.none().withGoAwayAfterFrames(0));
        long connectionsBefore = emulator().stats().connectionsAccepted();
        try (SdkClients clients = new SdkClients(emulator())) {
            List<String> current = Streams.bedrock(clients.bedrock, modelId, Flux.just("{\"n\":1}"))
                    .await();
            List<String> later = Streams.bedrock(clients.bedrock, "echo-after-goaway-zero", Flux.just("{\"n\":2}"))
                    .await();

            assertThat(current).containsExactly("{\"n\":1}");
            assertThat(later).containsExactly("{\"n\":2}");
            assertThat(emulator().stats().connectionsAccepted() - connectionsBefore)
                    .isEqualTo(2);
        }
    }

    @Test
    void inStreamErrorAfterZeroFramesEndsTheStreamBeforeAnyEventIsAnswered() throws Exception {
        String modelId =
                echoModelWith("in-stream-zero", Faults.none().withInStreamError("throttlingException", 0, "at once"));

        var result = Streams.bedrock(SharedEmulators.clients(tls).bedrock, modelId, Streams.thenHold("{\"n\":1}"));

        assertThat(result.failure()).isInstanceOf(ThrottlingException.class).hasMessageContaining("at once");
        assertThat(result.chunks()).isEmpty();
    }

    @Test
    void resetAfterZeroFramesEndsTheResponseBeforeAnyEventIsAnswered() throws Exception {
        String modelId = echoModelWith("reset-zero", Faults.none().withResetAfterFrames(0));

        var result = Streams.bedrock(SharedEmulators.clients(tls).bedrock, modelId, Streams.thenHold("{\"n\":1}"));

        // As for any reset after the response headers, the SDK 2.40.2 just ends the response.
        assertThat(result.await()).isEmpty();
    }

    @Test
    void closeConnectionAfterFramesFailsTheStreamAndTheEmulatorServesANewClient() throws Exception {
        String modelId = echoModelWith("close", Faults.none().withCloseConnectionAfterFrames(1));
        Throwable failure;
        try (SdkClients clients = new SdkClients(emulator())) {
            failure = Streams.bedrock(clients.bedrock, modelId, Streams.thenHold("{\"n\":1}"))
                    .failure();
        }
        List<String> afterwards;
        try (SdkClients fresh = new SdkClients(emulator())) {
            afterwards = Streams.bedrock(fresh.bedrock, "echo-after-close", Flux.just("{\"n\":2}"))
                    .await();
        }

        assertThat(failure).isInstanceOf(SdkClientException.class);
        assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause).isInstanceOf(java.io.IOException.class));
        assertThat(afterwards).containsExactly("{\"n\":2}");
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
