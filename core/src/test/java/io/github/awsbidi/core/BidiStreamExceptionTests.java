package io.github.awsbidi.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BidiStreamExceptionTests {

    @Test
    void messageNamesSessionTargetKindAndCode() {
        RuntimeException cause = new RuntimeException("sdk");
        BidiStreamException error = new BidiStreamException(
                ErrorKind.THROTTLING,
                true,
                "ThrottlingException",
                429,
                "Rate exceeded",
                cause,
                Target.sageMaker("eu-west-1", "asr", "v1"),
                "transcriber");

        assertThat(error)
                .hasMessage("session 'transcriber' (SageMaker endpoint 'asr' variant 'v1' in eu-west-1) "
                        + "THROTTLING [ThrottlingException]: Rate exceeded");
        assertThat(error.kind()).isEqualTo(ErrorKind.THROTTLING);
        assertThat(error.retryable()).isTrue();
        assertThat(error.errorCode()).contains("ThrottlingException");
        assertThat(error.statusCode()).contains(429);
        assertThat(error.getCause()).isSameAs(cause);
        assertThat(error.detail()).isEqualTo("Rate exceeded");
    }

    @Test
    void locatingKeepsEverythingAndAddsSessionAndTarget() {
        BidiStreamException error = BidiStreamException.validation("frame too large");

        BidiStreamException located = error.in("assistant", Target.bedrock("us-east-1", "amazon.nova-2-sonic-v1:0"));

        assertThat(located.kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThat(located.retryable()).isFalse();
        assertThat(located.sessionName()).contains("assistant");
        assertThat(located.target()).map(Target::resource).contains("amazon.nova-2-sonic-v1:0");
        assertThat(located)
                .hasMessage("session 'assistant' (Bedrock model 'amazon.nova-2-sonic-v1:0' in us-east-1) "
                        + "VALIDATION: frame too large");
        assertThat(located.in("other", Target.bedrock("x", "y"))).isSameAs(located);
    }

    @Test
    void kindOfAnyThrowable() {
        assertThat(ErrorKind.of(BidiStreamException.validation("x"))).isEqualTo(ErrorKind.VALIDATION);
        assertThat(ErrorKind.of(new IllegalStateException())).isEqualTo(ErrorKind.CLIENT);
        assertThat(ErrorKind.MODEL_STREAM_ERROR.tag()).isEqualTo("model_stream_error");
    }
}
