package io.github.awsbidi.novasonic.event;

/** How quickly Nova Sonic decides that the user finished speaking: HIGH ends turns soonest. */
public enum EndpointingSensitivity {
    HIGH,
    MEDIUM,
    LOW
}
