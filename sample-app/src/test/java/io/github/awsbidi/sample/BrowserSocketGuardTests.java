package io.github.awsbidi.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** The origin check of the browser sockets' handshakes, on mock exchanges. */
class BrowserSocketGuardTests {

    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void theSameOriginIsAllowedAndAForeignOneRefusedAndCounted() {
        BrowserSocketGuard guard = guard(List.of());

        assertThat(passes(guard, "/transcriber/ws", "http://localhost:8080", "localhost:8080"))
                .isTrue();
        assertThat(passes(guard, "/transcriber/ws", "https://app.example.com", "app.example.com:443"))
                .isTrue();
        assertThat(passes(guard, "/transcriber/ws", "https://evil.example", "localhost:8080"))
                .isFalse();
        assertThat(passes(guard, "/transcriber/ws", "https://evil.example", "localhost:8080"))
                .isFalse();
        assertThat(passes(guard, "/speaker/ws", "https://evil.example", "localhost:8080"))
                .isFalse();
        assertThat(passes(guard, "/ws/echo", "https://evil.example", "localhost:8080"))
                .isFalse();
        // Another port is another origin.
        assertThat(passes(guard, "/transcriber/ws", "http://localhost:9999", "localhost:8080"))
                .isFalse();

        assertThat(refused("transcriber")).isEqualTo(3);
        assertThat(refused("speaker")).isEqualTo(1);
        assertThat(refused("console")).isEqualTo(1);
    }

    @Test
    void withoutAnOriginOrOnAnotherPathTheGuardStandsAside() {
        BrowserSocketGuard guard = guard(List.of());

        assertThat(passes(guard, "/transcriber/ws", null, "localhost:8080")).isTrue();
        assertThat(passes(guard, "/v1/realtime", "https://evil.example", "localhost:8080"))
                .isTrue();
        assertThat(meters.find(BrowserSocketGuard.REFUSED).counters()).isEmpty();
    }

    @Test
    void allowedOriginsWidenTheSameOrigin() {
        BrowserSocketGuard guard = guard(List.of("https://app.example.com"));

        assertThat(passes(guard, "/transcriber/ws", "https://app.example.com", "voice.internal:8080"))
                .isTrue();
        assertThat(passes(guard, "/transcriber/ws", "http://voice.internal:8080", "voice.internal:8080"))
                .isTrue();
        assertThat(passes(guard, "/transcriber/ws", "https://evil.example", "voice.internal:8080"))
                .isFalse();
        assertThat(refused("transcriber")).isEqualTo(1);
    }

    @Test
    void anAllowedOriginMustBeAnOrigin() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebProperties.of(List.of("https://app.example.com/page"), null))
                .withMessageContaining("sample.web.allowed-origins");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebProperties.of(List.of("app.example.com"), null))
                .withMessageContaining("sample.web.allowed-origins");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WebProperties.of(List.of(), 0))
                .withMessageContaining("sample.web.max-conversations-per-client");
        assertThat(WebProperties.of(null, null).maxConversationsPerClient()).isEqualTo(4);
    }

    private BrowserSocketGuard guard(List<String> allowedOrigins) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("meters", meters);
        return new BrowserSocketGuard(
                WebProperties.of(allowedOrigins, null), beans.getBeanProvider(MeterRegistry.class));
    }

    private static boolean passes(BrowserSocketGuard guard, String path, @Nullable String origin, String host) {
        MockServerHttpRequest.BaseBuilder<?> request =
                MockServerHttpRequest.get("http://" + host + path).header("Host", host);
        if (origin != null) {
            request.header("Origin", origin);
        }
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        AtomicBoolean passed = new AtomicBoolean();
        guard.filter(exchange, next -> Mono.fromRunnable(() -> passed.set(true)))
                .block();
        if (!passed.get()) {
            assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
        return passed.get();
    }

    private double refused(String surface) {
        return meters.get(BrowserSocketGuard.REFUSED)
                .tags("surface", surface, "reason", "origin")
                .counter()
                .count();
    }
}
