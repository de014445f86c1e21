package io.github.awsbidi.core.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.ExchangeOptions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SageMakerSessionSettingsTests {

    private final SageMakerSessionSettings settings = SageMakerSessionSettings.of("my-endpoint");

    @Test
    void acceptsAwsShapedValues() {
        SageMakerSessionSettings full = new SageMakerSessionSettings(
                "a".repeat(63), "variant--1", "v1/listen", "model=nova-3&language=en&keywords=caf%C3%A9");

        assertThat(full.modelInvocationPath()).isEqualTo("v1/listen");
        assertThat(settings.targetVariant()).isNull();
    }

    @Test
    void endpointNameIsRequiredShortAndAlphanumericWithDashes() {
        assertValidation(() -> SageMakerSessionSettings.of(""), "endpointName must not be empty");
        assertValidation(
                () -> SageMakerSessionSettings.of("a".repeat(64)),
                "endpointName is 64 characters long, over the limit of 63");
        assertValidation(() -> SageMakerSessionSettings.of("-leading"), "endpointName '-leading' does not match");
        assertValidation(() -> SageMakerSessionSettings.of("under_score"), "endpointName 'under_score' does not match");
        assertValidation(() -> SageMakerSessionSettings.of("trailing-"), "does not match");
    }

    @Test
    void targetVariantFollowsTheNamePattern() {
        assertValidation(
                () -> settings.withTargetVariant("v".repeat(64)),
                "targetVariant (X-Amzn-SageMaker-Target-Variant) is 64 characters long, over the limit of 63");
        assertValidation(() -> settings.withTargetVariant("variant 1"), "does not match");
        assertValidation(() -> settings.withTargetVariant(""), "must not be empty");
    }

    @Test
    void modelInvocationPathIsSlashSeparatedSegments() {
        assertThat(settings.withModelInvocationPath("a.b-c_d/e").modelInvocationPath())
                .isEqualTo("a.b-c_d/e");
        assertValidation(
                () -> settings.withModelInvocationPath("/leading"),
                "modelInvocationPath (X-Amzn-SageMaker-Model-Invocation-Path) '/leading' does not match");
        assertValidation(() -> settings.withModelInvocationPath("a//b"), "does not match");
        assertValidation(() -> settings.withModelInvocationPath("a?b=c"), "does not match");
        assertValidation(
                () -> settings.withModelInvocationPath("p".repeat(101)),
                "is 101 characters long, over the limit of 100");
    }

    @Test
    void modelQueryStringIsUrlEncodedPairs() {
        assertValidation(() -> settings.withModelQueryString("model"), "does not match k=v pairs");
        assertValidation(() -> settings.withModelQueryString("a=b c"), "does not match");
        assertValidation(() -> settings.withModelQueryString("a=%zz"), "does not match");
        assertValidation(() -> settings.withModelQueryString("?a=b"), "does not match");
        assertValidation(
                () -> settings.withModelQueryString("a=" + "b".repeat(2047)),
                "modelQueryString (X-Amzn-SageMaker-Model-Query-String) is 2049 characters long, over the limit of 2048");
    }

    @Test
    void exchangeOverridesReplaceSessionValuesAndAreValidated() {
        SageMakerSessionSettings base = settings.withTargetVariant("a").withModelQueryString("x=1");

        SageMakerSessionSettings merged =
                base.merge(ExchangeOptions.defaults().withTargetVariant("b").withModelInvocationPath("v1/speak"));

        assertThat(merged).isEqualTo(new SageMakerSessionSettings("my-endpoint", "b", "v1/speak", "x=1"));
        assertThat(base.merge(ExchangeOptions.defaults())).isSameAs(base);
        assertValidation(
                () -> base.merge(ExchangeOptions.defaults().withModelQueryString("not a query")), "modelQueryString");
    }

    private static void assertValidation(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(BidiStreamException.class, error -> {
                    assertThat(error.kind()).isEqualTo(ErrorKind.VALIDATION);
                    assertThat(error.retryable()).isFalse();
                })
                .hasMessageContaining(message);
    }
}
