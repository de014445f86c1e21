package io.github.awsbidi.emulator.it;

import io.github.awsbidi.emulator.BidiEmulator;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The emulator's own credentials as an SDK credentials provider. */
final class StaticCredentials {

    private StaticCredentials() {}

    static AwsCredentialsProvider of(BidiEmulator emulator) {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
    }
}
