package io.github.awsbidi.core;

/**
 * How a frame's payload is to be read: SageMaker's {@code DataType} header. {@code UTF8} parts reach the model
 * container as WebSocket text frames, {@code BINARY} parts as binary frames. Bedrock chunks are always UTF-8 JSON.
 */
public enum DataType {
    /** UTF-8 text (JSON control messages, transcripts). */
    UTF8,
    /** Opaque bytes (audio); SageMaker's default when the header is absent. */
    BINARY
}
