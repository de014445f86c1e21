package io.github.awsbidi.emulator.tls;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslProvider;
import java.util.Locale;

/**
 * Which TLS implementation serves the emulator's {@code https}. Clients cannot tell them apart (the same certificate,
 * protocols, ciphers and ALPN), but the cost per frame differs: with the emulator beside many client streams on one
 * machine, BoringSSL through netty-tcnative (a dependency of the runnable jar, not of the library) leaves the clients
 * more of the machine.
 */
public enum TlsProvider {

    /** OpenSSL when netty-tcnative loads on this platform, else the JDK's (the default). */
    AUTO,

    /** The JDK's {@code SSLEngine}. */
    JDK,

    /** BoringSSL through netty-tcnative; the emulator does not start where it cannot load. */
    OPENSSL;

    /**
     * The Netty provider this choice stands for here.
     *
     * @throws IllegalStateException for {@link #OPENSSL} where netty-tcnative is missing or does not load, naming why
     */
    public SslProvider resolve() {
        return switch (this) {
            case JDK -> SslProvider.JDK;
            case AUTO -> openSslUsable() ? SslProvider.OPENSSL : SslProvider.JDK;
            case OPENSSL -> {
                if (!openSslUsable()) {
                    Throwable cause = OpenSsl.unavailabilityCause();
                    throw new IllegalStateException(
                            "tlsProvider OPENSSL: netty-tcnative (io.netty:netty-tcnative-boringssl-static) is not"
                                    + " usable here"
                                    + (cause == null ? "" : ": " + cause)
                                    + "; use AUTO or JDK",
                            cause);
                }
                yield SslProvider.OPENSSL;
            }
        };
    }

    /** The choice named {@code text} ({@code auto}, {@code jdk}, {@code openssl}, any case). */
    public static TlsProvider parse(String text, String what) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " must be auto, jdk or openssl, was '" + text + "'", e);
        }
    }

    private static boolean openSslUsable() {
        return OpenSsl.isAvailable() && SslProvider.isAlpnSupported(SslProvider.OPENSSL);
    }
}
