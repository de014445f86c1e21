package io.github.awsbidi.sample.phone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = ScriptedTwilioCall.TOKEN_PROPERTY)
class TwilioVoiceTests {

    private static final TwilioSignature TWILIO = new TwilioSignature(ScriptedTwilioCall.AUTH_TOKEN);

    @LocalServerPort
    private int port;

    @Test
    void answersWithAStreamToTheRequestsHost() {
        Tuple2<HttpClientResponse, String> answer = post(
                null,
                "CallSid=CA-1&From=%2B15550100&To=%2B15550199",
                signed(
                        "https://127.0.0.1:" + port + "/twilio/voice",
                        "CallSid",
                        "CA-1",
                        "From",
                        "+15550100",
                        "To",
                        "+15550199"));

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
        Tuple2<HttpClientResponse, String> answer = post(
                "abc123.tunnel.example, 10.0.0.1",
                "CallSid=CA-2",
                signed("https://abc123.tunnel.example/twilio/voice", "CallSid", "CA-2"));

        assertThat(answer.getT1().status().code()).isEqualTo(200);
        assertThat(answer.getT2())
                .contains("<Stream url=\"wss://abc123.tunnel.example/twilio/media\">")
                .doesNotContain("Parameter");
    }

    @Test
    void aForwardedHostThatIsNoHostIsRefused() {
        Tuple2<HttpClientResponse, String> answer = post("evil\"/><Hangup/>", "CallSid=CA-3", null);

        assertThat(answer.getT1().status().code()).isEqualTo(400);
        assertThat(answer.getT2()).contains("X-Forwarded-Host").doesNotContain("<Response>");
    }

    @Test
    void aCallTwilioDidNotSignIsRefused() {
        String url = "https://127.0.0.1:" + port + "/twilio/voice";
        // No signature; another account's; a signature of other parameters (a replay with a changed caller).
        assertRefused(post(null, "CallSid=CA-4&From=%2B15550100", null));
        assertRefused(post(
                null,
                "CallSid=CA-4&From=%2B15550100",
                new TwilioSignature("another-token").sign(url, Map.of("CallSid", List.of("CA-4")))));
        assertRefused(post(null, "CallSid=CA-4&From=%2B15550666", signed(url, "CallSid", "CA-4", "From", "+15550100")));
    }

    @Test
    void theQueryStringAndTheDefaultPortAreAsTwilioSignsThem() {
        // Twilio's validators accept the URL with and without the explicit default port.
        Tuple2<HttpClientResponse, String> answer = postTo(
                "/twilio/voice?tenant=a%20b",
                "abc123.tunnel.example",
                "CallSid=CA-5",
                signed("https://abc123.tunnel.example:443/twilio/voice?tenant=a%20b", "CallSid", "CA-5"));

        assertThat(answer.getT1().status().code()).isEqualTo(200);
        assertRefused(postTo(
                "/twilio/voice?tenant=other",
                "abc123.tunnel.example",
                "CallSid=CA-5",
                signed("https://abc123.tunnel.example/twilio/voice?tenant=a%20b", "CallSid", "CA-5")));
    }

    private static void assertRefused(Tuple2<HttpClientResponse, String> answer) {
        assertThat(answer.getT1().status().code()).isEqualTo(403);
        assertThat(answer.getT2()).doesNotContain("<Response>");
    }

    private static String signed(String url, String... nameValues) {
        Map<String, List<String>> params = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            params.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return TWILIO.sign(url, params);
    }

    private Tuple2<HttpClientResponse, String> post(
            @Nullable String forwardedHost, String form, @Nullable String signature) {
        return postTo("/twilio/voice", forwardedHost, form, signature);
    }

    private Tuple2<HttpClientResponse, String> postTo(
            String path, @Nullable String forwardedHost, String form, @Nullable String signature) {
        return HttpClient.create()
                .headers(headers -> {
                    headers.set("Content-Type", "application/x-www-form-urlencoded");
                    if (signature != null) {
                        headers.set(TwilioSignature.HEADER, signature);
                    }
                    if (forwardedHost != null) {
                        headers.set("X-Forwarded-Host", forwardedHost);
                    }
                })
                .post()
                .uri("http://127.0.0.1:" + port + path)
                .send(ByteBufFlux.fromString(Mono.just(form)))
                .responseSingle(
                        (response, body) -> body.asString().defaultIfEmpty("").map(text -> Tuples.of(response, text)))
                .block(Duration.ofSeconds(10));
    }
}
