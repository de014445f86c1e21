package io.github.awsbidi.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.InvalidSettingException;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetryPolicyTests {

    private final RetryPolicy policy =
            RetryPolicy.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(1000));

    @Test
    void exponentialBackoffDoublesUpToTheCap() {
        assertThat(policy.exponentialBackoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.exponentialBackoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.exponentialBackoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.exponentialBackoff(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.exponentialBackoff(500)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void theCapAppliesExactlyWhereDoublingWouldPassIt() {
        RetryPolicy nanos = RetryPolicy.defaults().withBackoff(Duration.ofNanos(1), Duration.ofNanos(3));
        assertThat(nanos.exponentialBackoff(2)).isEqualTo(Duration.ofNanos(2));
        assertThat(nanos.exponentialBackoff(3)).isEqualTo(Duration.ofNanos(3));
        assertThat(policy.exponentialBackoff(63)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.exponentialBackoff(64)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.exponentialBackoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(1000));
    }

    @Test
    void equalBoundsAreAFixedDelay() {
        RetryPolicy fixed = policy.withBackoff(Duration.ofMillis(300), Duration.ofMillis(300));
        assertThat(fixed.exponentialBackoff(1)).isEqualTo(Duration.ofMillis(300));
        assertThat(fixed.exponentialBackoff(5)).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheExponentialDelay() {
        assertThat(policy.backoff(3, () -> 0.0)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(3, () -> 0.5)).isEqualTo(Duration.ofMillis(300));
        assertThat(policy.backoff(3, () -> 0.999_999)).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
    }

    @Test
    void retriesOnlyRetryableErrorsOfListedKinds() {
        assertThat(policy.retries(error(ErrorKind.THROTTLING, true))).isTrue();
        assertThat(policy.retries(error(ErrorKind.MODEL_ERROR, true))).isTrue();
        assertThat(policy.retries(error(ErrorKind.MODEL_ERROR, false))).isFalse();
        assertThat(policy.retries(error(ErrorKind.INTERNAL, true))).isFalse();
        assertThat(policy.withRetryOn(Set.of(ErrorKind.INTERNAL)).retries(error(ErrorKind.INTERNAL, true)))
                .isTrue();
        assertThat(RetryPolicy.none().retries(error(ErrorKind.THROTTLING, true)))
                .isFalse();
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> policy.withMaxAttempts(0))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        error -> assertThat(error.field()).isEqualTo("maxAttempts"))
                .hasMessageContaining("maxAttempts must be at least 1, was 0");
        assertThatThrownBy(() -> policy.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(
                        InvalidSettingException.class,
                        error -> assertThat(error.field()).isEqualTo("maxBackoff"))
                .hasMessageContaining("maxBackoff must not be below initialBackoff (PT2S), was PT1S");
        assertThatThrownBy(() -> policy.withMaxElapsed(Duration.ofSeconds(-1)))
                .hasMessageContaining("maxElapsed must not be negative");
        assertThatThrownBy(() -> policy.exponentialBackoff(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.withBackoff(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("initialBackoff must not be negative");
        assertThatThrownBy(() -> policy.withBackoff(Duration.ofMillis(-2), Duration.ofMillis(-1)))
                .hasMessageContaining("initialBackoff must not be negative");
        assertThatThrownBy(() -> policy.withBackoff(Duration.ZERO, Duration.ofMillis(-1)))
                .hasMessageContaining("maxBackoff must not be negative");
        assertThat(policy.withMaxReplayBytes(0).maxReplayBytes()).isZero();
        assertThatThrownBy(() -> policy.withMaxReplayBytes(-1))
                .hasMessageContaining("maxReplayBytes must not be negative");
    }

    private static BidiStreamException error(ErrorKind kind, boolean retryable) {
        return new BidiStreamException(kind, retryable, null, null, "x", null, null, null);
    }
}
