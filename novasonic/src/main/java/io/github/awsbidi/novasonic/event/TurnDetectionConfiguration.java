package io.github.awsbidi.novasonic.event;

import java.util.Objects;

/** {@code sessionStart.turnDetectionConfiguration}; the service rejects the field when it is not nested. */
public record TurnDetectionConfiguration(EndpointingSensitivity endpointingSensitivity) {

    public TurnDetectionConfiguration {
        Objects.requireNonNull(endpointingSensitivity, "endpointingSensitivity");
    }
}
