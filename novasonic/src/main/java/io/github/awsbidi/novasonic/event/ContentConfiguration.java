package io.github.awsbidi.novasonic.event;

/**
 * The type-specific configuration of an input {@code contentStart}: it decides the block's {@code type}
 * and the name of the configuration field on the wire.
 */
public sealed interface ContentConfiguration
        permits TextInputConfiguration, AudioInputConfiguration, ToolResultInputConfiguration {

    /** The {@code type} of a block that carries this configuration. */
    ContentType contentType();
}
