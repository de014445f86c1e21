package io.github.awsbidi.emulator.stream;

import io.github.awsbidi.emulator.config.Faults;
import java.util.Map;

/** Whether a stream opens, decided by the operation's resolver before any response header goes out. */
public sealed interface OpenDecision {

    /**
     * The stream opens.
     *
     * @param operation the model side
     * @param responseHeaders extra response headers (e.g. the invoked production variant)
     * @param faults faults to inject into this stream
     */
    record Open(StreamOperation operation, Map<String, String> responseHeaders, Faults faults)
            implements OpenDecision {}

    /**
     * The call fails with an HTTP error response in AWS's restJson error shape.
     *
     * @param status the HTTP status
     * @param errorType the error type ({@code x-amzn-ErrorType})
     * @param body the JSON error body
     */
    record Reject(int status, String errorType, String body) implements OpenDecision {}
}
