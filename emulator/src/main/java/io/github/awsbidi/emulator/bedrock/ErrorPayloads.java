package io.github.awsbidi.emulator.bedrock;

import io.github.awsbidi.emulator.stream.AwsErrors;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON payload of Bedrock's modeled in-stream exceptions. */
final class ErrorPayloads {

    private ErrorPayloads() {}

    static byte[] message(@Nullable String message) {
        return AwsErrors.jsonBytes(Map.of("message", message == null ? "" : message));
    }
}
