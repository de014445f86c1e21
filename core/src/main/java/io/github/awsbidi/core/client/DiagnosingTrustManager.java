package io.github.awsbidi.core.client;

import io.github.awsbidi.core.internal.ConnectFailures;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.TlsTrustManagersProvider;

/**
 * Wraps the trust managers in use (the configured ones, else the JDK's) to see why a server's certificate was
 * rejected, which the SDK's Netty client only logs: the reason, in words naming the host, port and what to fix, is
 * recorded in {@link ConnectFailures} for the exchange waiting on that address. The decision stays the wrapped trust
 * manager's; a plain {@link X509TrustManager} (not extended) also gets the host name check the JDK would have added,
 * since wrapping it in an extended one turns the JDK's own check off.
 */
final class DiagnosingTrustManager extends X509ExtendedTrustManager {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final X509TrustManager delegate;

    private DiagnosingTrustManager(X509TrustManager delegate) {
        this.delegate = delegate;
    }

    /** A provider of {@code provider}'s trust managers (the JDK's when {@code null}), each X.509 one wrapped. */
    static TlsTrustManagersProvider wrap(@Nullable TlsTrustManagersProvider provider) {
        return () -> {
            TrustManager[] managers = provider != null ? provider.trustManagers() : jdkDefault();
            if (managers == null) {
                managers = jdkDefault();
            }
            TrustManager[] wrapped = new TrustManager[managers.length];
            for (int i = 0; i < managers.length; i++) {
                wrapped[i] = managers[i] instanceof X509TrustManager x509 && !(x509 instanceof DiagnosingTrustManager)
                        ? new DiagnosingTrustManager(x509)
                        : managers[i];
            }
            return wrapped;
        };
    }

    private static TrustManager[] jdkDefault() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the JDK's default trust managers", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        String host = engine.getPeerHost();
        int port = engine.getPeerPort();
        try {
            if (delegate instanceof X509ExtendedTrustManager extended) {
                extended.checkServerTrusted(chain, authType, engine);
            } else {
                delegate.checkServerTrusted(chain, authType);
                String algorithm = engine.getSSLParameters().getEndpointIdentificationAlgorithm();
                if (host != null && algorithm != null && !algorithm.isEmpty() && !names(chain[0], host)) {
                    throw new CertificateException("No subject alternative name matching " + host + " found");
                }
            }
        } catch (CertificateException e) {
            if (host != null) {
                String address = ConnectFailures.address(host, port);
                ConnectFailures.record(address, explain(address, host, chain, e), e);
            }
            throw e;
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (delegate instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, socket);
        } else {
            delegate.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (delegate instanceof X509ExtendedTrustManager extended) {
            extended.checkClientTrusted(chain, authType, engine);
        } else {
            delegate.checkClientTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (delegate instanceof X509ExtendedTrustManager extended) {
            extended.checkClientTrusted(chain, authType, socket);
        } else {
            delegate.checkClientTrusted(chain, authType);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    /** Why the certificate of {@code address} was rejected, and what to do about it. */
    static String explain(String address, String host, X509Certificate[] chain, CertificateException cause) {
        if (chain.length == 0) {
            return "the server at " + address + " sent no certificate (" + cause.getMessage() + ")";
        }
        X509Certificate certificate = chain[0];
        if (!names(certificate, host)) {
            List<String> names = namesOf(certificate);
            return "the certificate of " + address + " does not name " + host + "; it names "
                    + (names.isEmpty() ? "nothing (no subject alternative names)" : String.join(", ", names))
                    + ": connect with a name the certificate holds, or have it issued for " + host;
        }
        X500Principal issuer = chain[chain.length - 1].getIssuerX500Principal();
        return "the certificate of " + address + " ("
                + certificate.getSubjectX500Principal().getName()
                + ", issued by " + issuer.getName() + ") is not trusted: " + cause.getMessage()
                + ". Trust its issuer (HttpClientSettings.tlsTrustManagers, or the JDK trust store); behind a "
                + "TLS-inspecting proxy that is the proxy's CA";
    }

    /** Whether {@code certificate} names {@code host}: an IP address, or a DNS name with a leading {@code *.}. */
    static boolean names(X509Certificate certificate, String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress ip = ipLiteral(bare);
        for (List<?> name : alternativeNames(certificate)) {
            int type = (Integer) name.get(0);
            String value = String.valueOf(name.get(1));
            if (ip != null && type == SAN_IP && ip.equals(ipLiteral(value))) {
                return true;
            }
            if (ip == null && type == SAN_DNS && dnsMatches(value, bare)) {
                return true;
            }
        }
        return false;
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    private static List<String> namesOf(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        for (List<?> name : alternativeNames(certificate)) {
            int type = (Integer) name.get(0);
            if (type == SAN_DNS || type == SAN_IP) {
                names.add(String.valueOf(name.get(1)));
            }
        }
        return names;
    }

    private static Collection<List<?>> alternativeNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names != null ? names : List.of();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static @Nullable InetAddress ipLiteral(String value) {
        boolean literal = value.contains(":") || value.matches("[0-9.]+");
        if (!literal) {
            return null;
        }
        try {
            return InetAddress.getByName(value); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
