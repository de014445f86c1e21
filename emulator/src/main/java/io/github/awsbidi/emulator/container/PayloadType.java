package io.github.awsbidi.emulator.container;

/** How a payload part is carried over the WebSocket: a text ({@code UTF8}) or binary message. */
public enum PayloadType {
    /** A WebSocket text message; SageMaker's {@code DataType=UTF8}. */
    UTF8,
    /** A WebSocket binary message; SageMaker's {@code DataType=BINARY}, the default. */
    BINARY
}
