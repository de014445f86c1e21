package io.github.awsbidi.autoconfigure.docker.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.awsbidi.autoconfigure.docker.compose.BidiEmulatorDockerComposeConnectionDetailsFactory.BidiEmulatorDockerComposeConnectionDetails;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.docker.compose.core.ConnectionPorts;
import org.springframework.boot.docker.compose.core.ImageReference;
import org.springframework.boot.docker.compose.core.RunningService;

/** How a Compose service's ports and environment become connection details (no Docker needed). */
class BidiEmulatorDockerComposeConnectionDetailsTests {

    @Test
    void defaultsToTheEmulatorsKeysAndARegionItAccepts() {
        var details = new BidiEmulatorDockerComposeConnectionDetails(service(Map.of()));

        assertThat(details.endpoint()).hasToString("http://127.0.0.1:49152");
        assertThat(details.region().id()).isEqualTo("us-east-1");
        assertThat(details.credentialsProvider().resolveCredentials().accessKeyId())
                .isEqualTo("test");
        assertThat(details.credentialsProvider().resolveCredentials().secretAccessKey())
                .isEqualTo("test");
        assertThat(details.trustManagers()).isNull();
    }

    @Test
    void readsKeysAndRegionFromTheServicesEnvironment() {
        var details = new BidiEmulatorDockerComposeConnectionDetails(
                service(Map.of("AWS_BIDI_EMULATOR_CREDENTIALS", "AKIDDEV:dev:secret", "AWS_REGION", "ap-northeast-1")));

        assertThat(details.region().id()).isEqualTo("ap-northeast-1");
        assertThat(details.credentialsProvider().resolveCredentials().accessKeyId())
                .isEqualTo("AKIDDEV");
        assertThat(details.credentialsProvider().resolveCredentials().secretAccessKey())
                .isEqualTo("dev:secret");
    }

    @Test
    void rejectsKeysWithoutASecretNamingTheVariable() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new BidiEmulatorDockerComposeConnectionDetails(
                        service(Map.of("AWS_BIDI_EMULATOR_CREDENTIALS", "AKIDDEV"))))
                .withMessage("AWS_BIDI_EMULATOR_CREDENTIALS of the aws-bidi-emulator service must be "
                        + "ACCESS_KEY_ID:SECRET_ACCESS_KEY");
    }

    private static RunningService service(Map<String, String> env) {
        return new RunningService() {
            @Override
            public String name() {
                return "emulator";
            }

            @Override
            public ImageReference image() {
                return ImageReference.of("aws-bidi-emulator:0.1.0");
            }

            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public ConnectionPorts ports() {
                return new ConnectionPorts() {
                    @Override
                    public int get(int containerPort) {
                        if (containerPort != 8080) {
                            throw new IllegalArgumentException("no mapping for " + containerPort);
                        }
                        return 49152;
                    }

                    @Override
                    public List<Integer> getAll() {
                        return List.of(49152);
                    }

                    @Override
                    public List<Integer> getAll(String protocol) {
                        return getAll();
                    }
                };
            }

            @Override
            public Map<String, String> env() {
                return env;
            }

            @Override
            public Map<String, String> labels() {
                return Map.of();
            }
        };
    }
}
