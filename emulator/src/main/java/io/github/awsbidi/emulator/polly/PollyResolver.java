package io.github.awsbidi.emulator.polly;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.OpenDecision;
import io.github.awsbidi.emulator.stream.RequestHead;
import io.github.awsbidi.emulator.stream.StreamResolver;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Opens Polly's {@code StartSpeechSynthesisStream} ({@code POST /v1/synthesisStream}, SigV4 service {@code
 * polly}) after checking its headers: engine {@code generative}, a known voice that supports it, an output
 * format and sample rate Polly accepts (API reference). A bad header fails the open with {@code
 * ValidationException} (HTTP 400), as AWS answers a request that fails validation.
 */
public final class PollyResolver implements StreamResolver {

    /** The operation's path. */
    public static final String PATH = "/v1/synthesisStream";

    private final Supplier<EmulatorConfig> config;

    public PollyResolver(Supplier<EmulatorConfig> config) {
        this.config = config;
    }

    @Override
    public boolean matches(String path) {
        return path.equals(PATH);
    }

    @Override
    public String signingService() {
        return "polly";
    }

    @Override
    public CompletionStage<OpenDecision> resolve(RequestHead head, EventLoop streamLoop) {
        PollyOptions options = config.get().polly();
        if (!head.method().equals("POST")) {
            return CompletableFuture.completedFuture(
                    AwsErrors.reject("UnknownOperationException", "No operation at " + head.method() + " " + PATH));
        }
        SynthesisRequest request;
        try {
            request = SynthesisRequest.of(head, options);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    AwsErrors.reject("ValidationException", String.valueOf(e.getMessage())));
        }
        return CompletableFuture.completedFuture(
                new OpenDecision.Open(new SynthesisStream(options, request), Map.of(), options.faults()));
    }
}
