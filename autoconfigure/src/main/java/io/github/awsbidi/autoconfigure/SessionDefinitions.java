package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The sessions configured under {@code aws.bidi.sagemaker.sessions}, {@code aws.bidi.bedrock.sessions} and
 * {@code aws.bidi.polly.sessions}, bound
 * strictly and validated before any bean exists: a missing endpoint name or model id, a header value AWS would
 * reject, an unknown key anywhere under {@code aws.bidi}, or one name used twice fails with an {@link AwsBidiConfigurationException}
 * naming the property.
 */
final class SessionDefinitions {

    static final String SAGEMAKER_PREFIX = "aws.bidi.sagemaker.sessions";

    static final String BEDROCK_PREFIX = "aws.bidi.bedrock.sessions";

    static final String POLLY_PREFIX = "aws.bidi.polly.sessions";

    private final List<SageMakerDefinition> sageMaker;

    private final List<BedrockDefinition> bedrock;

    private final List<PollyDefinition> polly;

    private SessionDefinitions(
            List<SageMakerDefinition> sageMaker, List<BedrockDefinition> bedrock, List<PollyDefinition> polly) {
        this.sageMaker = List.copyOf(sageMaker);
        this.bedrock = List.copyOf(bedrock);
        this.polly = List.copyOf(polly);
    }

    /** Binds every {@code aws.bidi} key strictly (see {@link StrictBinder}) and validates every session. */
    static SessionDefinitions bind(Binder binder) {
        return of(StrictBinder.bind(binder));
    }

    /** Validates the sessions of already bound properties. */
    static SessionDefinitions of(AwsBidiProperties properties) {
        Map<String, AwsBidiProperties.SageMakerSession> sageMakerEntries =
                properties.getSagemaker().getSessions();
        Map<String, AwsBidiProperties.BedrockSession> bedrockEntries =
                properties.getBedrock().getSessions();
        List<SageMakerDefinition> sageMaker = new ArrayList<>();
        sageMakerEntries.forEach((name, entry) -> sageMaker.add(sageMaker(name, entry)));
        List<BedrockDefinition> bedrock = new ArrayList<>();
        bedrockEntries.forEach((name, entry) -> {
            if (sageMakerEntries.containsKey(name)) {
                throw new AwsBidiConfigurationException(
                        BEDROCK_PREFIX + "." + name,
                        "Session name '" + name + "' is used by both " + SAGEMAKER_PREFIX + "." + name + " and "
                                + BEDROCK_PREFIX + "." + name + "; each session becomes a bean of that name.",
                        "Rename one of the two sessions.",
                        null);
            }
            bedrock.add(bedrock(name, entry));
        });
        List<PollyDefinition> polly = new ArrayList<>();
        properties.getPolly().getSessions().forEach((name, entry) -> {
            String other = sageMakerEntries.containsKey(name)
                    ? SAGEMAKER_PREFIX
                    : bedrockEntries.containsKey(name) ? BEDROCK_PREFIX : null;
            if (other != null) {
                throw new AwsBidiConfigurationException(
                        POLLY_PREFIX + "." + name,
                        "Session name '" + name + "' is used by both " + other + "." + name + " and " + POLLY_PREFIX
                                + "." + name + "; each session becomes a bean of that name.",
                        "Rename one of the two sessions.",
                        null);
            }
            polly.add(polly(name, entry));
        });
        return new SessionDefinitions(sageMaker, bedrock, polly);
    }

    /** The Polly session of that name. */
    PollyDefinition polly(String name) {
        return polly.stream()
                .filter(definition -> definition.name().equals(name))
                .findFirst()
                .orElseThrow(() -> notConfigured(POLLY_PREFIX, name));
    }

    List<PollyDefinition> polly() {
        return polly;
    }

    private static PollyDefinition polly(String name, AwsBidiProperties.PollySession entry) {
        String prefix = POLLY_PREFIX + "." + name;
        String voiceId = entry.getVoiceId();
        if (voiceId == null || voiceId.isBlank()) {
            throw new AwsBidiConfigurationException(
                    prefix + ".voice-id",
                    "Polly session '" + name + "' has no voice: " + prefix + ".voice-id is not set.",
                    "Set " + prefix + ".voice-id to a voice with the generative engine, e.g. Joanna.",
                    null);
        }
        return new PollyDefinition(name, entry, region(prefix, entry.getRegion()), entry.getEndpoint());
    }

    /** The SageMaker session of that name. */
    SageMakerDefinition sageMaker(String name) {
        return sageMaker.stream()
                .filter(definition -> definition.name().equals(name))
                .findFirst()
                .orElseThrow(() -> notConfigured(SAGEMAKER_PREFIX, name));
    }

    /** The Bedrock session of that name. */
    BedrockDefinition bedrock(String name) {
        return bedrock.stream()
                .filter(definition -> definition.name().equals(name))
                .findFirst()
                .orElseThrow(() -> notConfigured(BEDROCK_PREFIX, name));
    }

    /** The property prefix of the session of that name, if one is configured. */
    @Nullable
    String prefixOf(String name) {
        if (sageMaker.stream().anyMatch(definition -> definition.name().equals(name))) {
            return SAGEMAKER_PREFIX + "." + name;
        }
        if (bedrock.stream().anyMatch(definition -> definition.name().equals(name))) {
            return BEDROCK_PREFIX + "." + name;
        }
        if (polly.stream().anyMatch(definition -> definition.name().equals(name))) {
            return POLLY_PREFIX + "." + name;
        }
        return null;
    }

    private static AwsBidiConfigurationException notConfigured(String prefix, String name) {
        // Only after ahead-of-time processing: the beans were fixed by the build's configuration.
        return new AwsBidiConfigurationException(
                prefix + "." + name,
                "Session '" + name + "' has a bean (the "
                        + "application was processed ahead of time with it configured) but " + prefix + "." + name
                        + " is not configured at run time.",
                "Configure " + prefix + "." + name
                        + " at run time too, or process the application ahead of time with the sessions it runs with.",
                null);
    }

    List<SageMakerDefinition> sageMaker() {
        return sageMaker;
    }

    List<BedrockDefinition> bedrock() {
        return bedrock;
    }

    private static SageMakerDefinition sageMaker(String name, AwsBidiProperties.SageMakerSession entry) {
        String prefix = SAGEMAKER_PREFIX + "." + name;
        String endpointName = entry.getEndpointName();
        if (endpointName == null || endpointName.isBlank()) {
            throw new AwsBidiConfigurationException(
                    prefix + ".endpoint-name",
                    "SageMaker session '" + name + "' has no endpoint name: " + prefix + ".endpoint-name is not set.",
                    "Set " + prefix + ".endpoint-name to the name of the SageMaker endpoint to invoke.",
                    null);
        }
        // One field at a time, so that a failure names the property that caused it.
        SageMakerSessionSettings settings =
                validate(prefix + ".endpoint-name", endpointName, () -> SageMakerSessionSettings.of(endpointName));
        settings = validate(
                prefix + ".target-variant",
                entry.getTargetVariant(),
                with(settings, s -> s.withTargetVariant(entry.getTargetVariant())));
        settings = validate(
                prefix + ".model-invocation-path",
                entry.getModelInvocationPath(),
                with(settings, s -> s.withModelInvocationPath(entry.getModelInvocationPath())));
        settings = validate(
                prefix + ".model-query-string",
                entry.getModelQueryString(),
                with(settings, s -> s.withModelQueryString(entry.getModelQueryString())));
        return new SageMakerDefinition(name, settings, region(prefix, entry.getRegion()), entry.getEndpoint());
    }

    private static BedrockDefinition bedrock(String name, AwsBidiProperties.BedrockSession entry) {
        String prefix = BEDROCK_PREFIX + "." + name;
        String modelId = entry.getModelId();
        if (modelId == null || modelId.isBlank()) {
            throw new AwsBidiConfigurationException(
                    prefix + ".model-id",
                    "Bedrock session '" + name + "' has no model id: " + prefix + ".model-id is not set.",
                    "Set " + prefix
                            + ".model-id to the Bedrock model to invoke, e.g. amazon.nova-2-5-sonic or amazon.nova-2-sonic-v1:0.",
                    null);
        }
        BedrockSessionSettings settings =
                validate(prefix + ".model-id", modelId, () -> BedrockSessionSettings.of(modelId));
        return new BedrockDefinition(
                name, settings, region(prefix, entry.getRegion()), entry.getEndpoint(), entry.getNovaSonic());
    }

    private static @Nullable String region(String prefix, @Nullable String region) {
        if (region != null && region.isBlank()) {
            throw new AwsBidiConfigurationException(
                    prefix + ".region",
                    prefix + ".region is empty.",
                    "Remove " + prefix + ".region to use aws.bidi.region, or set it to a region such as eu-west-1.",
                    null);
        }
        return region != null ? region.trim() : null;
    }

    private static <T> Supplier<T> with(T value, UnaryOperator<T> change) {
        return () -> change.apply(value);
    }

    private static <T> T validate(String property, @Nullable String value, Supplier<T> build) {
        try {
            return build.get();
        } catch (BidiStreamException ex) {
            throw new AwsBidiConfigurationException(
                    property,
                    "Invalid value '" + value + "' of " + property + ": " + ex.detail() + ".",
                    "Fix " + property + " to meet AWS's limit, or remove it.",
                    ex);
        }
    }

    /** A validated SageMaker session. */
    record SageMakerDefinition(
            String name,
            SageMakerSessionSettings settings,
            @Nullable String region,
            @Nullable URI endpoint) {}

    /**
     * A Polly session whose voice is set. Its settings are validated where the aws-bidi-polly module is present
     * (the Polly auto-configuration), since their type lives there.
     */
    record PollyDefinition(
            String name,
            AwsBidiProperties.PollySession properties,
            @Nullable String region,
            @Nullable URI endpoint) {

        /** The prefix of this session's properties. */
        String prefix() {
            return POLLY_PREFIX + "." + name;
        }
    }

    /**
     * A validated Bedrock session. Its {@code nova-sonic.*} properties stay unbound here (the Nova Sonic module is
     * optional); {@link NovaSonicBeanRegistrar} validates them.
     */
    record BedrockDefinition(
            String name,
            BedrockSessionSettings settings,
            @Nullable String region,
            @Nullable URI endpoint,
            AwsBidiProperties.NovaSonic novaSonic) {

        /** The prefix of this session's Nova Sonic properties. */
        String novaSonicPrefix() {
            return BEDROCK_PREFIX + "." + name + ".nova-sonic";
        }
    }
}
