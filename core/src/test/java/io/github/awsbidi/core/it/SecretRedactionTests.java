package io.github.awsbidi.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Frame;
import io.github.awsbidi.core.SessionOptions;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.client.ConnectionSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Temporary credentials (a session token) signed with the wrong secret: the service answers with the canonical
 * request, session token included, and the typed error says what is wrong without the token or a signature, in its
 * message and in its causes' (what an application's log shows).
 */
class SecretRedactionTests extends EmulatorSupport {

    private static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN0123456789abcdef";

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aSignatureMismatchOfATemporaryCredentialsSessionNeverShowsTheToken(Wire wire) {
        ConnectionSettings connection = connection(wire)
                .withCredentialsProvider(StaticCredentialsProvider.create(
                        AwsSessionCredentials.create(emulator(wire).accessKeyId(), "not-the-secret", TOKEN)));

        for (BidirectionalSession session : new BidirectionalSession[] {
            SageMakerSession.create(
                    "token-sm",
                    factory(wire).sageMaker(connection),
                    SageMakerSessionSettings.of("echo"),
                    SessionOptions.defaults()),
            BedrockSession.create(
                    "token-br",
                    factory(wire).bedrock(connection),
                    BedrockSessionSettings.of("echo.token-v1:0"),
                    SessionOptions.defaults())
        }) {
            Throwable error = session.exchange(Flux.just(Frame.json("{}")))
                    .then()
                    .materialize()
                    .block(Duration.ofSeconds(20))
                    .getThrowable();

            assertThat(error).isInstanceOf(BidiStreamException.class);
            assertThat(((BidiStreamException) error).kind()).isEqualTo(ErrorKind.CREDENTIALS);
            // The service's explanation is kept, its secrets are not.
            assertThat(error.getMessage()).contains("signature").contains("x-amz-security-token:[redacted]");
            StringWriter logged = new StringWriter();
            error.printStackTrace(new PrintWriter(logged));
            assertThat(logged.toString()).doesNotContain(TOKEN).doesNotContainPattern("Signature=[0-9a-f]{64}");
        }
    }
}
