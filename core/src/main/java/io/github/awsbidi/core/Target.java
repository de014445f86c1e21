package io.github.awsbidi.core;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a session talks to: one SageMaker endpoint (and optionally one production variant), one Bedrock model or one
 * Polly voice, in one region. Low-cardinality by design, so it can tag metrics.
 *
 * @param service which of the two operations
 * @param region the AWS region, e.g. {@code eu-west-1}
 * @param resource the SageMaker endpoint name, the Bedrock model id or the Polly voice id
 * @param variant the SageMaker target variant, or {@code null} (always {@code null} for Bedrock)
 */
public record Target(
        Service service,
        String region,
        String resource,
        @Nullable String variant) {

    public Target {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(resource, "resource");
    }

    /** A SageMaker endpoint target. */
    public static Target sageMaker(String region, String endpointName, @Nullable String variant) {
        return new Target(Service.SAGEMAKER, region, endpointName, variant);
    }

    /** A Bedrock model target. */
    public static Target bedrock(String region, String modelId) {
        return new Target(Service.BEDROCK, region, modelId, null);
    }

    /** A Polly voice target ({@code StartSpeechSynthesisStream}). */
    public static Target polly(String region, String voiceId) {
        return new Target(Service.POLLY, region, voiceId, null);
    }

    /** This target aimed at another SageMaker variant (an exchange's override). */
    public Target withVariant(@Nullable String variant) {
        return new Target(service, region, resource, variant);
    }

    @Override
    public String toString() {
        return service.displayName() + " " + service.resourceKind() + " '" + resource + "'"
                + (variant != null ? " variant '" + variant + "'" : "") + " in " + region;
    }

    /** The AWS bidirectional-streaming operations. */
    public enum Service {
        /** SageMaker Runtime {@code InvokeEndpointWithBidirectionalStream}. */
        SAGEMAKER("sagemaker", "SageMaker", "endpoint", "InvokeEndpointWithBidirectionalStream"),
        /** Bedrock Runtime {@code InvokeModelWithBidirectionalStream}. */
        BEDROCK("bedrock", "Bedrock", "model", "InvokeModelWithBidirectionalStream"),
        /** Polly {@code StartSpeechSynthesisStream} (module {@code aws-bidi-polly}). */
        POLLY("polly", "Polly", "voice", "StartSpeechSynthesisStream");

        private final String tag;
        private final String displayName;
        private final String resourceKind;
        private final String operation;

        Service(String tag, String displayName, String resourceKind, String operation) {
            this.tag = tag;
            this.displayName = displayName;
            this.resourceKind = resourceKind;
            this.operation = operation;
        }

        /** Lower-case name for metric tags: {@code sagemaker}, {@code bedrock} or {@code polly}. */
        public String tag() {
            return tag;
        }

        /** Human-readable service name. */
        public String displayName() {
            return displayName;
        }

        /** What {@link Target#resource()} names: {@code endpoint}, {@code model} or {@code voice}. */
        public String resourceKind() {
            return resourceKind;
        }

        /** The AWS operation name, for the {@code operation} tag. */
        public String operation() {
            return operation;
        }
    }
}
