package io.github.awsbidi.emulator.bedrock;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.cassette.CassetteLibrary;
import io.github.awsbidi.emulator.config.BedrockModel;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.OpenDecision;
import io.github.awsbidi.emulator.stream.RequestHead;
import io.github.awsbidi.emulator.stream.StreamOperation;
import io.github.awsbidi.emulator.stream.StreamResolver;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Opens Bedrock streams for the configured models, answering unknown and retired models as AWS does. */
public final class BedrockResolver implements StreamResolver {

    private static final Pattern PATH = Pattern.compile("^/model/([^/]+)/invoke-with-bidirectional-stream$");

    private final Supplier<EmulatorConfig> config;

    private final CassetteLibrary cassettes;

    public BedrockResolver(Supplier<EmulatorConfig> config) {
        this(config, new CassetteLibrary(() -> config.get().cassettes()));
    }

    public BedrockResolver(Supplier<EmulatorConfig> config, CassetteLibrary cassettes) {
        this.config = config;
        this.cassettes = cassettes;
    }

    @Override
    public boolean matches(String path) {
        return PATH.matcher(path).matches();
    }

    @Override
    public String signingService() {
        return "bedrock";
    }

    @Override
    public CompletionStage<OpenDecision> resolve(RequestHead head, EventLoop streamLoop) {
        Matcher matcher = PATH.matcher(head.path());
        if (!matcher.matches()) {
            return done(AwsErrors.reject("UnknownOperationException", "No operation at " + head.path()));
        }
        String modelId = matcher.group(1);
        Optional<OpenDecision> replay = cassettes.replay(CassetteLibrary.Service.BEDROCK, modelId, head);
        if (replay.isPresent()) {
            return done(replay.get());
        }
        Optional<BedrockModel> model = config.get().bedrockModel(modelId);
        if (model.isEmpty()) {
            return done(AwsErrors.reject("ValidationException", "The provided model identifier is invalid."));
        }
        StreamOperation operation;
        switch (model.get().behaviour()) {
            case END_OF_LIFE -> {
                return done(
                        AwsErrors.reject(
                                "ResourceNotFoundException",
                                "This model version has reached the end of its life. Please refer to the AWS documentation for more details."));
            }
            case ECHO -> operation = new EchoModel();
            case NOVA_SONIC -> operation = new NovaSonicModel(model.get().novaSonic());
            default ->
                throw new IllegalStateException(
                        "unhandled behaviour " + model.get().behaviour());
        }
        return done(new OpenDecision.Open(operation, Map.of(), model.get().faults()));
    }

    private static CompletionStage<OpenDecision> done(OpenDecision decision) {
        return CompletableFuture.completedFuture(decision);
    }
}
