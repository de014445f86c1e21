package io.github.awsbidi.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the starter puts on an application's class path, seen from an application that depends on it alone. */
class StarterDependenciesTests {

    @Test
    void theSdksSynchronousHttpClientsAreLeftOut() {
        // The newer SDK service artifacts bring Apache HttpClient 4 and 5 clients that nothing here uses.
        assertThat(present("software.amazon.awssdk.http.apache.ApacheHttpClient"))
                .isFalse();
        assertThat(present("software.amazon.awssdk.http.apache5.Apache5HttpClient"))
                .isFalse();
        assertThat(present("org.apache.http.client.HttpClient")).isFalse();
        // The asynchronous Netty client, which carries every call, is there.
        assertThat(present("software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"))
                .isTrue();
    }

    @Test
    void eventStreamsAreDecodedByTheSdksOwnDecoderNotTheTwoMegabyteOne() {
        assertThat(present("software.amazon.eventstream.MessageDecoder")).isFalse();
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, StarterDependenciesTests.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
