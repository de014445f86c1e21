package io.github.awsbidi.core.sagemaker;

import io.github.awsbidi.core.ExchangeOptions;
import org.jspecify.annotations.Nullable;

/**
 * What a SageMaker session invokes: the endpoint, and the defaults of the three optional headers. Validated against
 * AWS's lengths and patterns on construction: a bad value fails with a
 * {@link io.github.awsbidi.core.ErrorKind#VALIDATION} error naming the field and the limit.
 *
 * @param endpointName the endpoint ({@code ≤ 63} characters, {@code ^[a-zA-Z0-9](-*[a-zA-Z0-9])*$})
 * @param targetVariant {@code X-Amzn-SageMaker-Target-Variant} ({@code ≤ 63}, same pattern), or {@code null}
 * @param modelInvocationPath {@code X-Amzn-SageMaker-Model-Invocation-Path} ({@code ≤ 100}, path segments of
 *        {@code [A-Za-z0-9-._]}), or {@code null}; replaces the container's WebSocket path
 * @param modelQueryString {@code X-Amzn-SageMaker-Model-Query-String} ({@code ≤ 2048}, {@code k=v&k=v} with
 *        URL-encoded values), or {@code null}; appended to the container's WebSocket URL
 */
public record SageMakerSessionSettings(
        String endpointName,
        @Nullable String targetVariant,
        @Nullable String modelInvocationPath,
        @Nullable String modelQueryString) {

    public SageMakerSessionSettings {
        SageMakerHeaders.endpointName(endpointName);
        SageMakerHeaders.targetVariant(targetVariant);
        SageMakerHeaders.modelInvocationPath(modelInvocationPath);
        SageMakerHeaders.modelQueryString(modelQueryString);
    }

    /** Settings for {@code endpointName} with no optional headers. */
    public static SageMakerSessionSettings of(String endpointName) {
        return new SageMakerSessionSettings(endpointName, null, null, null);
    }

    /** These settings with another target variant. */
    public SageMakerSessionSettings withTargetVariant(@Nullable String targetVariant) {
        return new SageMakerSessionSettings(endpointName, targetVariant, modelInvocationPath, modelQueryString);
    }

    /** These settings with another model invocation path. */
    public SageMakerSessionSettings withModelInvocationPath(@Nullable String modelInvocationPath) {
        return new SageMakerSessionSettings(endpointName, targetVariant, modelInvocationPath, modelQueryString);
    }

    /** These settings with another model query string. */
    public SageMakerSessionSettings withModelQueryString(@Nullable String modelQueryString) {
        return new SageMakerSessionSettings(endpointName, targetVariant, modelInvocationPath, modelQueryString);
    }

    /** These settings with an exchange's overrides applied, validated. */
    public SageMakerSessionSettings merge(ExchangeOptions options) {
        if (!options.overridesHeaders()) {
            return this;
        }
        return new SageMakerSessionSettings(
                endpointName,
                options.targetVariant() != null ? options.targetVariant() : targetVariant,
                options.modelInvocationPath() != null ? options.modelInvocationPath() : modelInvocationPath,
                options.modelQueryString() != null ? options.modelQueryString() : modelQueryString);
    }
}
