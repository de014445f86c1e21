package io.github.awsbidi.emulator.tls;

import io.netty.pkitesting.CertificateBuilder;
import io.netty.pkitesting.X509Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A freshly generated self-signed certificate for {@code localhost}, {@code 127.0.0.1} and {@code ::1} (and any extra
 * names given), with everything a client needs to trust it: trust managers, a trust store and PEM text.
 */
public final class EmulatorCertificate {

    private final X509Bundle bundle;

    private EmulatorCertificate(X509Bundle bundle) {
        this.bundle = bundle;
    }

    /** Generates a new EC P-256 certificate valid from an hour ago for 30 days. */
    public static EmulatorCertificate generate() {
        return generate(List.of());
    }

    /**
     * Generates a new certificate as {@link #generate()} does that also names {@code extraNames}: host names or IP
     * addresses (IPv4, or IPv6 with or without brackets) clients reach the emulator by, e.g. the host a container's
     * port is mapped to.
     *
     * @param extraNames more names for the certificate; duplicates of the default ones are ignored
     */
    public static EmulatorCertificate generate(List<String> extraNames) {
        Instant now = Instant.now();
        try {
            CertificateBuilder builder = new CertificateBuilder()
                    .subject("CN=localhost, O=aws-bidi emulator")
                    .addSanDnsName("localhost")
                    .addSanIpAddress("127.0.0.1")
                    .addSanIpAddress("::1");
            Set<String> seen = new HashSet<>(Set.of("localhost", "127.0.0.1", "::1"));
            for (String name : extraNames) {
                String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
                if (bare.isBlank() || !seen.add(bare.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                if (isIpAddress(bare)) {
                    builder.addSanIpAddress(bare);
                } else {
                    builder.addSanDnsName(bare);
                }
            }
            X509Bundle bundle = builder.notBefore(now.minus(Duration.ofHours(1)))
                    .notAfter(now.plus(Duration.ofDays(30)))
                    .ecp256()
                    .setIsCertificateAuthority(true)
                    .addExtendedKeyUsageServerAuth()
                    .buildSelfSigned();
            return new EmulatorCertificate(bundle);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot generate the emulator's self-signed certificate", e);
        }
    }

    private static boolean isIpAddress(String name) {
        return name.contains(":") || name.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    }

    /** The certificate. */
    public X509Certificate certificate() {
        return bundle.getCertificate();
    }

    /** The certificate as PEM text. */
    public String pem() {
        return bundle.getCertificatePEM();
    }

    /** Trust managers that trust exactly this certificate. */
    public TrustManager[] trustManagers() {
        return trustManagerFactory().getTrustManagers();
    }

    /** A trust manager factory that trusts exactly this certificate. */
    public TrustManagerFactory trustManagerFactory() {
        return bundle.toTrustManagerFactory();
    }

    /** A PKCS#12 trust store holding this certificate, e.g. for {@code javax.net.ssl.trustStore}. */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("aws-bidi-emulator", certificate());
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot build a trust store", e);
        }
    }

    /** Writes the certificate as PEM to a file, e.g. for {@code AWS_CA_BUNDLE} or curl's {@code --cacert}. */
    public Path writePem(Path file) {
        try {
            return Files.writeString(file, pem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's key material. */
    public KeyManagerFactory keyManagerFactory() {
        try {
            return bundle.toKeyManagerFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build the emulator's key managers", e);
        }
    }
}
