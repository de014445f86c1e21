package io.github.awsbidi.sample.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

/** Twilio's "A call comes in" webhook, over a real socket: TwiML pointing the call's Media Stream at this app. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwilioVoiceTests {

    @LocalServerPort
    private int port;

    @Test
    void answersWithAStreamToTheRequestsHost() {
        Tuple2<HttpClientResponse, String> answer = post(null, "CallSid=CA-1&From=%2B15550100&To=%2B15550199");

        assertThat(answer.getT1().status().code()).isEqualTo(200);
        assertThat(answer.getT1().responseHeaders().get("Content-Type")).startsWith("text/xml");
        assertThat(answer.getT2()).isEqualTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Connect><Stream url="wss://127.0.0.1:%d/twilio/media">\
                <Parameter name="caller" value="+15550100"/></Stream></Connect></Response>
                """.formatted(port));
    }

    @Test
    void behindATunnelTheForwardedHostIsThePublicOne() {
        Tuple2<HttpClientResponse, String> answer = post("abc123.tunnel.example, 10.0.0.1", "CallSid=CA-2");

        assertThat(answer.getT2())
                .contains("<Stream url=\"wss://abc123.tunnel.example/twilio/media\">")
                .doesNotContain("Parameter");
    }

    @Test
    void aForwardedHostThatIsNoHostIsRefused() {
        Tuple2<HttpClientResponse, String> answer = post("evil\"/><Hangup/>", "CallSid=CA-3");

        assertThat(answer.getT1().status().code()).isEqualTo(400);
        assertThat(answer.getT2()).contains("X-Forwarded-Host").doesNotContain("<Response>");
    }

    private Tuple2<HttpClientResponse, String> post(@Nullable String forwardedHost, String form) {
        return HttpClient.create()
                .headers(headers -> {
                    headers.set("Content-Type", "application/x-www-form-urlencoded");
                    if (forwardedHost != null) {
                        headers.set("X-Forwarded-Host", forwardedHost);
                    }
                })
                .post()
                .uri("http://127.0.0.1:" + port + "/twilio/voice")
                .send(ByteBufFlux.fromString(Mono.just(form)))
                .responseSingle(
                        (response, body) -> body.asString().defaultIfEmpty("").map(text -> Tuples.of(response, text)))
                .block(Duration.ofSeconds(10));
    }
}
