package io.github.awsbidi.core;

import org.jspecify.annotations.Nullable;

/**
 * Per-exchange overrides of a session's settings. {@code null} keeps the session's value.
 * <p>
 * The three SageMaker headers are validated against AWS's patterns and lengths before anything is sent;
 * Bedrock sessions reject them. {@code replayUnconfirmed} opts in to replaying, after a retried open, frames that
 * were already handed to a stream whose opening then failed without the service refusing it (the open timed out, the
 * connection failed): the server may have seen them, so by default such an exchange fails rather than risk a model
 * receiving the same audio twice. Frames of an open the service refused with an error status (throttling,
 * unavailable, ...) reached no model and are always sent again.
 *
 * @param targetVariant SageMaker {@code X-Amzn-SageMaker-Target-Variant}
 * @param modelInvocationPath SageMaker {@code X-Amzn-SageMaker-Model-Invocation-Path}
 * @param modelQueryString SageMaker {@code X-Amzn-SageMaker-Model-Query-String}
 * @param replayUnconfirmed whether frames sent on a stream that failed to open may be sent again on a retry
 */
public record ExchangeOptions(
        @Nullable String targetVariant,
        @Nullable String modelInvocationPath,
        @Nullable String modelQueryString,
        boolean replayUnconfirmed) {

    private static final ExchangeOptions DEFAULTS = new ExchangeOptions(null, null, null, false);

    /** No overrides, no replay. */
    public static ExchangeOptions defaults() {
        return DEFAULTS;
    }

    /** These options with another target variant. */
    public ExchangeOptions withTargetVariant(@Nullable String targetVariant) {
        return new ExchangeOptions(targetVariant, modelInvocationPath, modelQueryString, replayUnconfirmed);
    }

    /** These options with another model invocation path. */
    public ExchangeOptions withModelInvocationPath(@Nullable String modelInvocationPath) {
        return new ExchangeOptions(targetVariant, modelInvocationPath, modelQueryString, replayUnconfirmed);
    }

    /** These options with another model query string. */
    public ExchangeOptions withModelQueryString(@Nullable String modelQueryString) {
        return new ExchangeOptions(targetVariant, modelInvocationPath, modelQueryString, replayUnconfirmed);
    }

    /** These options with replay of unconfirmed frames switched on or off. */
    public ExchangeOptions withReplayUnconfirmed(boolean replayUnconfirmed) {
        return new ExchangeOptions(targetVariant, modelInvocationPath, modelQueryString, replayUnconfirmed);
    }

    /** Whether any SageMaker header is overridden. */
    public boolean overridesHeaders() {
        return targetVariant != null || modelInvocationPath != null || modelQueryString != null;
    }
}
