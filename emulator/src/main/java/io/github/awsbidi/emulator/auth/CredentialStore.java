package io.github.awsbidi.emulator.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The access keys the emulator knows, by access key id. Immutable. */
public final class CredentialStore {

    private final Map<String, String> secretsByAccessKey;

    private CredentialStore(Map<String, String> secretsByAccessKey) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
    }

    /**
     * A store of these credentials.
     * @throws IllegalArgumentException if two credentials share an access key id with different secrets
     */
    public static CredentialStore of(List<AwsCredential> credentials) {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (AwsCredential credential : credentials) {
            String previous = secrets.putIfAbsent(credential.accessKeyId(), credential.secretAccessKey());
            if (previous != null && !previous.equals(credential.secretAccessKey())) {
                throw new IllegalArgumentException(
                        "access key id " + credential.accessKeyId() + " is listed twice with different secrets");
            }
        }
        return new CredentialStore(secrets);
    }

    /** One pair, access key {@code test} with secret {@code test}. */
    public static CredentialStore defaults() {
        return of(List.of(new AwsCredential("test", "test")));
    }

    /** The secret for this access key id, if known. */
    public Optional<String> secretFor(String accessKeyId) {
        return Optional.ofNullable(this.secretsByAccessKey.get(accessKeyId));
    }
}
