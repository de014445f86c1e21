package io.github.awsbidi.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.regions.Region;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom every session connects. The default, {@link PropertiesAwsBidiConnectionDetails}, comes from
 * {@code aws.bidi.*} and backs off when another bean of this type exists, so a dev-time or test service (the
 * embedded emulator, a Testcontainers service connection) wins.
 * <p>
 * Precedence, per value: such a service's value, else the session's own {@code region}/{@code endpoint}, else the
 * global {@code aws.bidi.region}/{@code aws.bidi.endpoint}, else the user's {@code AwsRegionProvider} /
 * {@code AwsCredentialsProvider} bean, else the AWS SDK's default chains. {@code null} means "not set here".
 */
public interface AwsBidiConnectionDetails extends ConnectionDetails {

    /** The endpoint every client connects to, e.g. {@code http://127.0.0.1:4566}, or {@code null}. */
    @Nullable URI endpoint();

    /** The region every client signs for, or {@code null}. */
    @Nullable Region region();

    /** The credentials every client signs with, or {@code null}. */
    default @Nullable AwsCredentialsProvider credentialsProvider() {
        return null;
    }

    /** Trust for TLS connections, e.g. a local service's self-signed certificate, or {@code null} for the JDK's. */
    default @Nullable TlsTrustManagersProvider trustManagers() {
        return null;
    }
}
