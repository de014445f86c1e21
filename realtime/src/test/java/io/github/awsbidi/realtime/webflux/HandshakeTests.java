package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.protocol.RealtimeJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.JsonNode;

/** The handshake's refusals: unknown model (404 model_not_found), no or wrong key (401), the per-key limit (429). */
class HandshakeTests {

    private RealtimeFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @Test
    void unknownModelIsRefusedWith404AndAnOpenAiErrorBody() {
        fixture = new RealtimeFixture();
        Refusal refusal = upgrade(fixture.httpUrl("?model=nope"), "Bearer " + RealtimeFixture.KEY);
        assertThat(refusal.status()).isEqualTo(404);
        JsonNode error = RealtimeJson.MAPPER.readTree(refusal.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("model_not_found");
        assertThat(error.path("param").asString()).isEqualTo("model");
        assertThat(error.path("message").asString()).contains("nope");
    }

    static Refusal upgrade(String url, String authorization) {
        return HttpClient.create()
                .headers(headers -> headers.add("Authorization", authorization)
                        .add("Connection", "Upgrade")
                        .add("Upgrade", "websocket")
                        .add("Sec-WebSocket-Version", "13")
                        .add("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                        .add("Sec-WebSocket-Protocol", "realtime"))
                .get()
                .uri(url)
                .responseSingle((response, body) -> body.asString()
                        .defaultIfEmpty("")
                        .map(text -> new Refusal(response.status().code(), text)))
                .block(RealtimeTestClient.TIMEOUT);
    }

    record Refusal(int status, String body) {}
}
