package io.github.awsbidi.novasonic;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * Answers a tool call. The result is sent to the model as JSON (a value that is not a JSON object is
 * wrapped as {@code {"result": …}}); an error is sent as {@code {"error": "…"}} and the conversation
 * goes on. Runs asynchronously: subscription happens off the stream's event loop.
 */
@FunctionalInterface
public interface ToolHandler {

    /** The result of the call, computed lazily. An empty Mono sends {@code {"result": null}}. */
    Mono<?> handle(ConversationEvent.ToolCall call);

    /** A handler from a blocking function (the conversation subscribes to handlers on a worker thread). */
    static ToolHandler blocking(Function<ConversationEvent.ToolCall, ?> function) {
        return call -> Mono.fromCallable(() -> function.apply(call));
    }

    /** A handler from a function that returns a future. */
    static ToolHandler async(Function<ConversationEvent.ToolCall, ? extends CompletionStage<?>> function) {
        return call -> Mono.fromCompletionStage(() -> function.apply(call));
    }
}
