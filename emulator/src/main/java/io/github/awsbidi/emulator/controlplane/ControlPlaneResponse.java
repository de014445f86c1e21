package io.github.awsbidi.emulator.controlplane;

import io.github.awsbidi.emulator.stream.AwsErrors;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An answer to a control-plane call.
 *
 * @param status the HTTP status
 * @param errorType the AWS error type for error answers, else {@code null}
 * @param json the JSON body
 */
record ControlPlaneResponse(int status, @Nullable String errorType, String json) {

    static ControlPlaneResponse ok(Map<String, ?> body) {
        return new ControlPlaneResponse(200, null, AwsErrors.json(body));
    }

    static ControlPlaneResponse error(String errorType, String message) {
        // awsJson clients read "__type", restJson clients the header; both are set.
        return new ControlPlaneResponse(
                AwsErrors.httpStatus(errorType),
                errorType,
                AwsErrors.json(Map.of("__type", errorType, "message", message)));
    }
}
