package io.github.awsbidi.sample.voice;

import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import io.github.awsbidi.autoconfigure.realtime.RealtimeProperties;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicTool;
import io.github.awsbidi.realtime.webflux.RealtimeEndpoint;
import io.github.awsbidi.realtime.webflux.RealtimeModels;
import io.github.awsbidi.sample.security.ClientIdentity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /voice/secret}: a short-lived OpenAI Realtime client secret ({@code ek_…}) for the voice page, so that
 * the browser never holds the façade's real key. The request goes, in process, to the façade's own
 * {@code <aws.bidi.realtime.path>/client_secrets} with this application's key (the first of
 * {@code aws.bidi.realtime.api-keys}); the answer is the façade's, {@code {"value":"ek_…","expires_at":…,
 * "session":{…}}}, where {@code session} is the configuration the page applies with {@code session.update}: 24 kHz
 * {@code audio/pcm} both ways, {@code server_vad}, the default model's instructions and voice, and every
 * {@link NovaSonicTool} bean as a function tool (the page runs them through {@link VoiceToolController}). The secret
 * is issued for the caller ({@link RealtimeEndpoint#SECRET_SUBJECT}: the logged-in user, else the client address), so
 * each visitor's conversations count against {@code aws.bidi.realtime.max-sessions-per-key} apart from everyone
 * else's, not against the application's one key.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBooleanProperty("aws.bidi.realtime.enabled")
final class VoiceSecretController {

    /** How long the page's secret is accepted: it only has to open the socket, at once. */
    static final int SECRET_SECONDS = 60;

    /** The rate of the façade's {@code audio/pcm}, which it does not resample. */
    static final int PCM_RATE = 24_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RealtimeEndpoint facade;

    private final String secretsPath;

    private final String key;

    private final byte[] body;

    VoiceSecretController(
            RealtimeEndpoint facade,
            RealtimeProperties properties,
            RealtimeModels models,
            ObjectProvider<NovaSonicTool> tools) {
        this.facade = facade;
        this.secretsPath = properties.getPath() + RealtimeEndpoint.CLIENT_SECRETS;
        if (properties.getApiKeys().isEmpty()) {
            throw new AwsBidiConfigurationException(
                    "aws.bidi.realtime.api-keys",
                    "the voice page's client secrets are asked for with the first of aws.bidi.realtime.api-keys,"
                            + " which is empty",
                    "Set aws.bidi.realtime.api-keys (the sample's application.yaml has a development key).",
                    null);
        }
        this.key = properties.getApiKeys().get(0);
        String model = properties.getDefaultModel();
        NovaSonic assistant = model == null ? null : models.find(model);
        if (assistant == null) {
            throw new AwsBidiConfigurationException(
                    "aws.bidi.realtime.default-model",
                    "the voice page talks to the façade's default model, and aws.bidi.realtime.default-model names"
                            + " no Nova Sonic session",
                    "Set aws.bidi.realtime.default-model to a Bedrock Nova Sonic session's name, e.g. assistant.",
                    null);
        }
        this.body =
                JSON.writeValueAsBytes(request(assistant, tools.orderedStream().toList()));
    }

    @PostMapping("/voice/secret")
    Mono<Void> secret(ServerWebExchange exchange) {
        ServerHttpRequest asked = exchange.getRequest()
                .mutate()
                .path(secretsPath)
                .headers(headers -> {
                    headers.setBearerAuth(key);
                    headers.setContentType(MediaType.APPLICATION_JSON);
                    headers.setContentLength(body.length);
                    headers.remove(HttpHeaders.TRANSFER_ENCODING);
                })
                .build();
        // The page's own body (none is expected) is not passed on: the session is this application's choice.
        ServerHttpRequest withBody = new ServerHttpRequestDecorator(asked) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(body));
            }
        };
        return ClientIdentity.of(exchange).flatMap(caller -> {
            ServerWebExchange asking = exchange.mutate().request(withBody).build();
            asking.getAttributes().put(RealtimeEndpoint.SECRET_SUBJECT, caller);
            return facade.handle(asking);
        });
    }

    /** The client_secrets request: a short life and the page's session configuration. */
    static ObjectNode request(NovaSonic assistant, List<NovaSonicTool> tools) {
        ObjectNode request = JSON.createObjectNode();
        request.putObject("expires_after").put("anchor", "created_at").put("seconds", SECRET_SECONDS);
        ObjectNode session = request.putObject("session");
        session.put("type", "realtime");
        session.put("instructions", assistant.settings().systemPrompt());
        ObjectNode audio = session.putObject("audio");
        ObjectNode input = audio.putObject("input");
        input.putObject("format").put("type", "audio/pcm").put("rate", PCM_RATE);
        // 500 ms of silence ends a turn: Nova Sonic's MEDIUM endpointing sensitivity.
        input.putObject("turn_detection").put("type", "server_vad").put("silence_duration_ms", 500);
        ObjectNode output = audio.putObject("output");
        output.putObject("format").put("type", "audio/pcm").put("rate", PCM_RATE);
        output.put("voice", assistant.settings().voiceId());
        ArrayNode declared = session.putArray("tools");
        for (NovaSonicTool tool : tools) {
            declared.addObject()
                    .put("type", "function")
                    .put("name", tool.name())
                    .put("description", tool.description())
                    .set("parameters", JSON.readTree(tool.inputSchema().getBytes(StandardCharsets.UTF_8)));
        }
        session.put("tool_choice", "auto");
        return request;
    }
}
