package io.github.awsbidi.emulator.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ContainerUrisTests {

    private static final URI BASE = URI.create("ws://127.0.0.1:8080");

    @Test
    void defaultsToTheBidirectionalStreamPath() {
        assertThat(ContainerUris.invocationUri(BASE, null, null))
                .isEqualTo(URI.create("ws://127.0.0.1:8080/invocations-bidirectional-stream"));
    }

    @Test
    void invocationPathReplacesAnyPathOfTheBaseUri() {
        URI base = URI.create("ws://localhost:9000/ignored/path");
        assertThat(ContainerUris.invocationUri(base, "v1/listen", null))
                .isEqualTo(URI.create("ws://localhost:9000/v1/listen"));
    }

    @Test
    void queryStringIsAppendedAsIs() {
        assertThat(ContainerUris.invocationUri(BASE, "v1/listen", "model=nova-3&keywords=a%20b"))
                .hasToString("ws://127.0.0.1:8080/v1/listen?model=nova-3&keywords=a%20b");
    }

    @Test
    void emptyQueryStringAddsNothing() {
        assertThat(ContainerUris.invocationUri(BASE, null, ""))
                .hasToString("ws://127.0.0.1:8080/invocations-bidirectional-stream");
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContainerUris.invocationUri(URI.create("http://127.0.0.1:8080"), null, null))
                .withMessageContaining("baseUri");
    }

    @Test
    void rejectsAQueryThatIsNotAValidUrl() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ContainerUris.invocationUri(BASE, null, "a=b c"))
                .withMessageContaining("queryString");
    }
}
