package io.github.awsbidi.emulator.polly;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.cassette.CassetteLibrary;
import io.github.awsbidi.emulator.config.PollyOptions;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.OpenDecision;
import io.github.awsbidi.emulator.stream.RequestHead;
import io.github.awsbidi.emulator.stream.StreamResolver;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Opens Polly's {@code StartSpeechSynthesisStream} ({@code POST /v1/synthesisStream}, SigV4 service {@code
 * polly}) after checking its headers: engine {@code generative}, a known voice that supports it, an output
 * format and sample rate Polly accepts (API reference). A bad header fails the open with {@code
 * ValidationException} (HTTP 400), as AWS answers a request that fails validation. A cassette recorded against
 * the requested voice ({@code x-amzn-VoiceId}) serves the stream instead, before any header check: the recording
 * answered what the service answered.
 */
public final class PollyResolver implements StreamResolver {

    /** The operation's path. */
    public static final String PATH = "/v1/synthesisStream";

    private final Supplier<EmulatorConfig> config;

    private final CassetteLibrary cassettes;

    public PollyResolver(Supplier<EmulatorConfig> config) {
        this(config, new CassetteLibrary(() -> config.get().cassettes()));
    }

    public PollyResolver(Supplier<EmulatorConfig> config, CassetteLibrary cassettes) {
        this.config = config;
        this.cassettes = cassettes;
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
        Optional<OpenDecision> replay = cassettes.replay(
                CassetteLibrary.Service.POLLY, head.header("x-amzn-VoiceId").orElse(""), head);
        if (replay.isPresent()) {
            return CompletableFuture.completedFuture(replay.get());
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
