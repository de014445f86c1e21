package io.github.awsbidi.realtime.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.realtime.RealtimeSession;
import org.junit.jupiter.api.Test;

class SessionEventsTests {

    @Test
    void sessionCreatedIsTheFirstEvent() {
        try (RealtimeFixture fixture = new RealtimeFixture()) {
            RealtimeSession session = RealtimeSession.open(fixture.novaSonic, "assistant");
            String first = session.events().blockFirst(RealtimeTestClient.TIMEOUT);
            assertThat(first).contains("session.created");
        }
    }
}
