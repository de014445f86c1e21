package io.github.awsbidi.sample.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** Which server addresses and which requests count as exposed. */
class ExposureTests {

    @Test
    void onlyALoopbackServerAddressKeepsTheSampleLocal() {
        assertThat(Exposure.of("127.0.0.1", null).loopbackOnly()).isTrue();
        assertThat(Exposure.of("localhost", null).loopbackOnly()).isTrue();
        assertThat(Exposure.of("::1", null).loopbackOnly()).isTrue();
        assertThat(Exposure.of("0.0.0.0", null).loopbackOnly()).isFalse();
        assertThat(Exposure.of("192.0.2.10", null).loopbackOnly()).isFalse();
        // Unset, Boot listens on every address.
        assertThat(Exposure.of(null, null).loopbackOnly()).isFalse();
        assertThat(Exposure.of(" ", null).loopbackOnly()).isFalse();
        assertThat(Exposure.of("127.0.0.1", null).exposed()).isFalse();
        assertThat(Exposure.of("127.0.0.1", "none").exposed()).isFalse();
        // A forward-headers strategy says a proxy is in front, rewriting the client address.
        assertThat(Exposure.of("127.0.0.1", "framework").exposed()).isTrue();
        assertThat(Exposure.of("127.0.0.1", "native").local(from("127.0.0.1").build()))
                .isFalse();
    }

    @Test
    void aRequestIsLocalOnlyFromLoopbackToALoopbackServerAndNotForwarded() {
        Exposure local = Exposure.of("127.0.0.1", null);

        assertThat(local.local(from("127.0.0.1").build())).isTrue();
        assertThat(local.local(from("192.0.2.10").build())).isFalse();
        // A proxy or tunnel on this machine forwards callers from anywhere.
        assertThat(local.local(from("127.0.0.1")
                        .header("X-Forwarded-For", "198.51.100.7")
                        .build()))
                .isFalse();
        assertThat(local.local(from("127.0.0.1")
                        .header("Forwarded", "for=198.51.100.7;proto=https")
                        .build()))
                .isFalse();
        assertThat(local.local(from("127.0.0.1")
                        .header("X-Forwarded-Host", "abc.tunnel.example")
                        .build()))
                .isFalse();
        assertThat(local.local(
                        from("127.0.0.1").header("X-Real-IP", "198.51.100.7").build()))
                .isFalse();
        // DNS rebinding: a foreign page whose name now points at 127.0.0.1 sends its own name as Host.
        assertThat(local.local(from("127.0.0.1", "evil.example:8080").build())).isFalse();
        assertThat(local.local(from("127.0.0.1", "127.0.0.1:8080").build())).isTrue();
        assertThat(local.local(from("127.0.0.1", "[::1]:8080").build())).isTrue();
        assertThat(Exposure.loopbackName("LOCALHOST")).isTrue();
        assertThat(Exposure.loopbackName("127.0.0.1.evil.example")).isFalse();
        // Served on every address, even this machine's requests log in.
        assertThat(Exposure.of("0.0.0.0", null).local(from("127.0.0.1").build()))
                .isFalse();
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String address) {
        return from(address, "localhost:8080");
    }

    private static MockServerHttpRequest.BaseBuilder<?> from(String address, String host) {
        return MockServerHttpRequest.get("http://" + host + "/sessions")
                .header("Host", host)
                .remoteAddress(new InetSocketAddress(address, 50000));
    }
}
