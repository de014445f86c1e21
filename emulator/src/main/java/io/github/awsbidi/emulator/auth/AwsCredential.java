package io.github.awsbidi.emulator.auth;

import java.util.Objects;

/**
 * An access key pair the emulator accepts.
 *
 * @param accessKeyId access key id, as it appears in the credential scope
 * @param secretAccessKey the secret the caller signs with
 */
public record AwsCredential(String accessKeyId, String secretAccessKey) {

    public AwsCredential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        if (accessKeyId.isEmpty()) {
            throw new IllegalArgumentException("accessKeyId must not be empty");
        }
    }

    @Override
    public String toString() {
        return "AwsCredential[accessKeyId=" + this.accessKeyId + ", secretAccessKey=****]";
    }
}
