package io.github.awsbidi.novasonic;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs the handlers of the model's tool calls off the stream's threads and sends their results (JSON strings
 * under {@code text/plain}, ahead of queued audio) on the stream that asked. Several calls may be in flight
 * (Nova 2's tools are asynchronous), matched by {@code toolUseId}. Called under the conversation's lock.
 */
final class ToolRunner {

    /** Where a finished call's result goes; invoked without the lock held. */
    interface ResultSink {
        void result(Leg leg, String toolUseId, String json);
    }

    private record Pending(Leg leg, Disposable work) {}

    private final Map<String, Pending> pending = new LinkedHashMap<>();

    boolean idle() {
        return pending.isEmpty();
    }

    void start(NovaSonicSettings settings, Leg leg, ConversationEvent.ToolCall call, ResultSink sink) {
        NovaSonicTool tool = settings.tool(call.name());
        if (tool == null) {
            leg.sequencer()
                    .sendToolResult(
                            call.toolUseId(),
                            ToolResults.error("no handler is registered for tool '" + call.name() + "'"));
            return;
        }
        Mono<String> result = Mono.defer(() -> tool.handler().handle(call))
                .map(ToolResults::success)
                .switchIfEmpty(Mono.fromSupplier(() -> ToolResults.success(null)))
                .onErrorResume(error -> Mono.just(ToolResults.error(error)))
                .subscribeOn(Schedulers.boundedElastic());
        // The result callback needs the conversation's lock, which is held until the call is registered.
        Disposable work = result.subscribe(json -> sink.result(leg, call.toolUseId(), json));
        pending.put(call.toolUseId(), new Pending(leg, work));
    }

    /** Forgets a finished call; false if it was cancelled meanwhile. */
    boolean finish(String toolUseId) {
        return pending.remove(toolUseId) != null;
    }

    /** Cancels the calls of {@code leg} (all when null). */
    void cancel(@Nullable Leg leg) {
        pending.values().removeIf(call -> {
            if (leg == null || call.leg() == leg) {
                call.work().dispose();
                return true;
            }
            return false;
        });
    }
}
