package io.github.awsbidi.emulator.config;

import java.util.Objects;

/**
 * A modeled exception sent as an in-stream event once the client has sent {@code afterFrames} events.
 *
 * @param type the event-stream exception type: for Bedrock the union member ({@code throttlingException},
 *     {@code modelStreamErrorException}, …), for SageMaker {@code ModelStreamError} or {@code InternalStreamFailure}
 * @param afterFrames how many request events to accept first
 * @param message the exception message
 */
public record InStreamError(String type, int afterFrames, String message) {

    public InStreamError {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        if (afterFrames < 0) {
            throw new IllegalArgumentException("afterFrames must be >= 0, was " + afterFrames);
        }
    }
}
