package io.github.awsbidi.emulator.config;

import java.util.Objects;

/**
 * An HTTP error answered instead of opening the stream, for the first {@code count} opens
 * ({@code count < 0}: every open).
 *
 * @param errorType the AWS error type, e.g. {@code ThrottlingException}, {@code ServiceUnavailableException}
 *     (Bedrock) or {@code ServiceUnavailableError}, {@code ModelError} (SageMaker)
 * @param count how many opens fail before the stream opens normally
 * @param message the error message
 */
public record OpenError(String errorType, int count, String message) {

    public OpenError {
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(message, "message");
    }
}
