package io.github.awsbidi.novasonic;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * When a stream must be renewed for its credentials: a credential refresh mid-stream breaks the HTTP/2 connection,
 * so a stream signed with temporary credentials (those with an expiration time, e.g. {@code AwsSessionCredentials})
 * is renewed {@code lead} before they expire. The provider must be the one the session's SDK client signs with.
 */
final class CredentialsWatch {

    private static final System.Logger LOG = System.getLogger(CredentialsWatch.class.getName());

    private final @Nullable IdentityProvider<? extends AwsCredentialsIdentity> provider;

    CredentialsWatch(@Nullable IdentityProvider<? extends AwsCredentialsIdentity> provider) {
        this.provider = provider;
    }

    /**
     * Resolves the credentials a new stream signs with and passes how long until it should be renewed, if they
     * expire; nothing for long-term credentials, or when they already expire within {@code lead} (renewing
     * would sign with the same credentials: the provider must refresh them first).
     */
    void untilRenewal(Duration lead, Consumer<Duration> then) {
        if (provider == null) {
            return;
        }
        provider.resolveIdentity().whenComplete((identity, error) -> {
            if (error != null || identity == null || identity.expirationTime().isEmpty()) {
                return;
            }
            Duration left = Duration.between(
                            Instant.now(), identity.expirationTime().get())
                    .minus(lead);
            if (left.isNegative() || left.isZero()) {
                LOG.log(System.Logger.Level.WARNING, "Credentials expire within {0}: no renewal for them", lead);
                return;
            }
            then.accept(left);
        });
    }
}
