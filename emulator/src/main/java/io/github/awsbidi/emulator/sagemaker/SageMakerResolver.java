package io.github.awsbidi.emulator.sagemaker;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.cassette.CassetteLibrary;
import io.github.awsbidi.emulator.config.EndpointStatus;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import io.github.awsbidi.emulator.config.Variant;
import io.github.awsbidi.emulator.container.ContainerClientOptions;
import io.github.awsbidi.emulator.stream.AwsErrors;
import io.github.awsbidi.emulator.stream.OpenDecision;
import io.github.awsbidi.emulator.stream.RequestHead;
import io.github.awsbidi.emulator.stream.StreamResolver;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opens SageMaker streams: validates the endpoint and headers, picks the variant, and connects to its
 * model container before answering, as SageMaker does (an unreachable container is a 424 ModelError).
 */
public final class SageMakerResolver implements StreamResolver {

    private static final Pattern PATH = Pattern.compile("^/endpoints/([^/]+)/invocations-bidirectional-stream$");

    private final Supplier<EmulatorConfig> config;
    private final ContainerDirectory containers;
    private final CassetteLibrary cassettes;

    public SageMakerResolver(Supplier<EmulatorConfig> config, ContainerDirectory containers) {
        this(config, containers, new CassetteLibrary(() -> config.get().cassettes()));
    }

    public SageMakerResolver(
            Supplier<EmulatorConfig> config, ContainerDirectory containers, CassetteLibrary cassettes) {
        this.cassettes = cassettes;
        this.config = config;
        this.containers = containers;
    }

    @Override
    public boolean matches(String path) {
        return PATH.matcher(path).matches();
    }

    @Override
    public String signingService() {
        return "sagemaker";
    }

    @Override
    public CompletionStage<OpenDecision> resolve(RequestHead head, EventLoop streamLoop) {
        Matcher matcher = PATH.matcher(head.path());
        if (!matcher.matches()) {
            return done(AwsErrors.reject("UnknownOperationException", "No operation at " + head.path()));
        }
        String name = matcher.group(1);
        if (name.length() > 63 || !SageMakerHeaders.NAME.matcher(name).matches()) {
            return done(AwsErrors.reject(
                    "ValidationError",
                    "1 validation error detected: Value '" + name
                            + "' at 'endpointName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                            + SageMakerHeaders.NAME.pattern() + " and have length less than or equal to 63"));
        }
        Optional<OpenDecision> replay = cassettes.replay(CassetteLibrary.Service.SAGEMAKER, name, head);
        if (replay.isPresent()) {
            return done(replay.get());
        }
        EmulatorConfig current = config.get();
        Optional<SageMakerEndpoint> endpoint = current.sagemakerEndpoint(name);
        if (endpoint.isEmpty()) {
            return done(
                    AwsErrors.reject("ValidationError", "Endpoint " + name + " of account 000000000000 not found."));
        }
        if (endpoint.get().status() != EndpointStatus.IN_SERVICE) {
            return done(AwsErrors.reject(
                    "ValidationError",
                    "Endpoint " + name + " is not in service (status "
                            + endpoint.get().status().wireName() + ")."));
        }
        SageMakerHeaders headers;
        try {
            headers = SageMakerHeaders.of(head);
        } catch (IllegalArgumentException e) {
            return done(AwsErrors.reject(
                    "InputValidationError", Objects.requireNonNullElse(e.getMessage(), "1 validation error detected")));
        }
        Optional<Variant> variant = headers.targetVariant() == null
                ? Optional.of(endpoint.get().variants().get(0))
                : endpoint.get().variant(headers.targetVariant());
        if (variant.isEmpty()) {
            return done(AwsErrors.reject(
                    "ValidationError", "Variant " + headers.targetVariant() + " not found for endpoint " + name + "."));
        }
        ContainerBridge bridge = new ContainerBridge();
        // The connection lives on the stream's event loop: frames cross between the two without a thread hop.
        return containers
                .connect(
                        variant.get(),
                        streamLoop,
                        headers.invocationPath(),
                        headers.queryString(),
                        bridge,
                        current.containerConnectTimeout(),
                        containerOptions(current))
                .handle((connection, error) -> {
                    if (error != null) {
                        return modelError();
                    }
                    bridge.connected(connection);
                    return new OpenDecision.Open(
                            bridge,
                            Map.of(
                                    "x-amzn-invoked-production-variant",
                                    variant.get().name()),
                            endpoint.get().faults());
                });
    }

    private static ContainerClientOptions containerOptions(EmulatorConfig config) {
        ContainerClientOptions defaults = ContainerClientOptions.defaults();
        return new ContainerClientOptions(
                defaults.pingInterval(),
                defaults.maxUnansweredPings(),
                defaults.maxFramePayloadBytes(),
                config.containerCloseTimeout());
    }

    private static OpenDecision modelError() {
        String message =
                "Received client error (424) from primary with message \"Failed to establish WebSocket connection\".";
        return new OpenDecision.Reject(
                424,
                "ModelError",
                AwsErrors.json(Map.of(
                        "message",
                        message,
                        "OriginalStatusCode",
                        424,
                        "OriginalMessage",
                        "Failed to establish WebSocket connection")));
    }

    private static CompletionStage<OpenDecision> done(OpenDecision decision) {
        return CompletableFuture.completedFuture(decision);
    }
}
