package io.github.awsbidi.emulator.stream;

import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** AWS error types, their HTTP statuses and their restJson bodies. */
public final class AwsErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<String, Integer> STATUS = Map.ofEntries(
            Map.entry("ValidationException", 400),
            Map.entry("ValidationError", 400),
            Map.entry("InputValidationError", 400),
            Map.entry("ServiceQuotaExceededException", 400),
            Map.entry("AccessDeniedException", 403),
            Map.entry("InvalidSignatureException", 403),
            Map.entry("IncompleteSignatureException", 403),
            Map.entry("MissingAuthenticationTokenException", 403),
            Map.entry("UnrecognizedClientException", 403),
            Map.entry("ResourceNotFoundException", 404),
            Map.entry("UnknownOperationException", 404),
            Map.entry("ModelTimeoutException", 408),
            Map.entry("ModelError", 424),
            Map.entry("ModelErrorException", 424),
            Map.entry("ThrottlingException", 429),
            Map.entry("ModelNotReadyException", 429),
            Map.entry("InternalServerException", 500),
            Map.entry("InternalServerError", 500),
            Map.entry("ServiceUnavailableException", 503),
            Map.entry("ServiceUnavailableError", 503));

    private AwsErrors() {}

    /** The HTTP status AWS answers with for an error type; 400 for types it does not know. */
    public static int httpStatus(String errorType) {
        return STATUS.getOrDefault(errorType, 400);
    }

    /** A rejection with the status of its type and a {@code {"message": …}} body. */
    public static OpenDecision.Reject reject(String errorType, String message) {
        return new OpenDecision.Reject(httpStatus(errorType), errorType, json(Map.of("message", message)));
    }

    /** A JSON object as text. */
    public static String json(Map<String, ?> fields) {
        return JSON.writeValueAsString(fields);
    }

    /** A JSON object as UTF-8 bytes. */
    public static byte[] jsonBytes(Map<String, ?> fields) {
        return JSON.writeValueAsBytes(fields);
    }
}
