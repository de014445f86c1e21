package io.github.awsbidi.sample.voice;

import io.github.awsbidi.novasonic.ConversationEvent;
import io.github.awsbidi.novasonic.NovaSonicTool;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /voice/tools/{name}}: runs one of the application's {@link NovaSonicTool} beans for the voice page. The
 * page declares those tools to the OpenAI Realtime façade as function tools (see {@link VoiceSecretController}), so
 * the façade hands their calls to the page ({@code response.function_call_arguments.done}); the page posts the call's
 * arguments here and sends the answer back as the {@code function_call_output}. The tool itself stays on the
 * server, in one place, whoever calls it. Answers {@code {"output":"<JSON text>"}}: the handler's JSON object, any
 * other value as {@code {"result":…}}, a failure as {@code {"error":"…"}} (for the model to hear, as a conversation
 * sends it).
 */
@RestController
final class VoiceToolController {

    /** A tool that has not answered by then is answered with an error. */
    static final Duration TOOL_TIMEOUT = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, NovaSonicTool> tools;

    VoiceToolController(ObjectProvider<NovaSonicTool> tools) {
        this.tools = tools.orderedStream()
                .collect(Collectors.toUnmodifiableMap(NovaSonicTool::name, Function.identity(), (a, b) -> a));
    }

    @PostMapping("/voice/tools/{name}")
    Mono<Map<String, String>> call(@PathVariable String name, @RequestBody Map<String, @Nullable Object> arguments) {
        NovaSonicTool tool = tools.get(name);
        if (tool == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no tool named '" + name + "'"));
        }
        ConversationEvent.ToolCall call = new ConversationEvent.ToolCall(name, "page-" + UUID.randomUUID(), arguments);
        return Mono.defer(() -> tool.handler().handle(call))
                // Handlers may block (ToolHandler.blocking): never on the server's event loop.
                .subscribeOn(Schedulers.boundedElastic())
                .map(VoiceToolController::output)
                .defaultIfEmpty(output(null))
                .timeout(TOOL_TIMEOUT)
                .onErrorResume(error -> Mono.just(failure(error)))
                .map(output -> Map.of("output", output));
    }

    /** A handler's result as the JSON text of a tool result. */
    static String output(@Nullable Object result) {
        JsonNode node = result == null
                ? JSON.nullNode()
                : result instanceof String text ? parse(text) : JSON.valueToTree(result);
        if (node.isObject()) {
            return JSON.writeValueAsString(node);
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("result", node);
        return JSON.writeValueAsString(wrapped);
    }

    private static JsonNode parse(String text) {
        if (text.strip().startsWith("{")) {
            try {
                return JSON.readTree(text);
            } catch (JacksonException notJson) {
                // Text that happens to start with a brace: sent as text.
            }
        }
        return JSON.valueToTree(text);
    }

    private static String failure(Throwable error) {
        String message = error.getMessage();
        ObjectNode node = JSON.createObjectNode();
        node.put(
                "error", message == null || message.isBlank() ? error.getClass().getSimpleName() : message);
        return JSON.writeValueAsString(node);
    }
}
