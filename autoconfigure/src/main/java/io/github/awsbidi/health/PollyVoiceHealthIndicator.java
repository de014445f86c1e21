package io.github.awsbidi.health;

import io.github.awsbidi.core.Target;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.polly.PollyAsyncClient;
import software.amazon.awssdk.services.polly.model.DescribeVoicesResponse;
import software.amazon.awssdk.services.polly.model.Engine;

/**
 * The health of one Polly session's voice, from {@code DescribeVoices} with the generative engine: UP when the voice
 * is listed (it can speak in {@code StartSpeechSynthesisStream}), DOWN when it is not, UNKNOWN when the call fails
 * for a reason that says nothing about the voice (throttling, network).
 */
public final class PollyVoiceHealthIndicator implements ReactiveHealthIndicator {

    private final PollyAsyncClient client;
    private final Target target;

    public PollyVoiceHealthIndicator(PollyAsyncClient client, Target target) {
        this.client = client;
        this.target = target;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromFuture(() -> client.describeVoices(request -> request.engine(Engine.GENERATIVE)))
                .map(this::fromResponse)
                .onErrorResume(
                        AwsServiceException.class,
                        error -> Mono.just(new Health.Builder(error.statusCode() == 403 ? Status.DOWN : Status.UNKNOWN)
                                .withDetails(HealthDetails.of(target, "voice"))
                                .withDetail("error", String.valueOf(error.getMessage()))
                                .build()));
    }

    private Health fromResponse(DescribeVoicesResponse response) {
        boolean listed =
                response.voices().stream().anyMatch(voice -> target.resource().equals(voice.idAsString()));
        Health.Builder builder = new Health.Builder(listed ? Status.UP : Status.DOWN)
                .withDetails(HealthDetails.of(target, "voice"))
                .withDetail("engine", "generative");
        if (!listed) {
            builder.withDetail(
                    "error",
                    "Voice " + target.resource() + " is not listed for the generative engine in " + target.region());
        }
        return builder.build();
    }
}
