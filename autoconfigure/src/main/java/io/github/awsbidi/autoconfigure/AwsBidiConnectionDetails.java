package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.client.ConnectionSettings;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Where and as whom every session connects. The default, {@link PropertiesAwsBidiConnectionDetails}, comes from
 * {@code aws.bidi.*} and backs off when another bean of this type exists, so a dev-time or test service (the
 * embedded emulator, a Testcontainers service connection) wins.
 * <p>
 * These details are the one source of where each session connects ({@link #sessionConnection(String)}): sessions
 * and health checks both ask them. With the properties-backed details the precedence, per value, is the session's
 * own {@code region}/{@code endpoint}, else the global {@code aws.bidi.region}/{@code aws.bidi.endpoint}, else the
 * user's {@code AwsRegionProvider} / {@code AwsCredentialsProvider} bean, else the AWS SDK's default chains.
 * {@code null} means "not set here".
 */
public interface AwsBidiConnectionDetails extends ConnectionDetails {

    /** The endpoint every client connects to, e.g. {@code http://127.0.0.1:4566}, or {@code null}. */
    @Nullable
    URI endpoint();

    /** The region every client signs for, or {@code null}. */
    @Nullable
    Region region();

    /** The credentials every client signs with, or {@code null}. */
    default @Nullable AwsCredentialsProvider credentialsProvider() {
        return null;
    }

    /**
     * Where, and as whom, the session of that name connects. By default this object's {@link #endpoint()},
     * {@link #region()} and {@link #credentialsProvider()} for every session: a service (the embedded emulator, a
     * Testcontainers service connection) serves all of them. The properties-backed details let a session's own
     * {@code region} and {@code endpoint} win over the global ones. {@code null} values fall back to the SDK's
     * default chains.
     */
    default ConnectionSettings sessionConnection(String sessionName) {
        return new ConnectionSettings(region(), endpoint(), credentialsProvider());
    }

    /** Trust for TLS connections, e.g. a local service's self-signed certificate, or {@code null} for the JDK's. */
    default @Nullable TlsTrustManagersProvider trustManagers() {
        return null;
    }
}
