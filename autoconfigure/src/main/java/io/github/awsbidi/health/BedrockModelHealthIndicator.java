package io.github.awsbidi.health;

import io.github.awsbidi.core.Target;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.GetFoundationModelResponse;

/**
 * The health of one Bedrock session's model, from {@code GetFoundationModel}: {@code ACTIVE} is UP,
 * {@code LEGACY} is UP with a warning that the model approaches its end of life, a model that is not found or
 * not accessible is DOWN, and an error that says nothing about the model (throttling, network) is UNKNOWN.
 */
public final class BedrockModelHealthIndicator implements ReactiveHealthIndicator {

    private final BedrockAsyncClient client;
    private final Target target;

    public BedrockModelHealthIndicator(BedrockAsyncClient client, Target target) {
        this.client = client;
        this.target = target;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromFuture(() -> client.getFoundationModel(request -> request.modelIdentifier(target.resource())))
                .map(this::fromResponse)
                .onErrorResume(AwsServiceException.class, error -> Mono.just(fromError(error)));
    }

    private Health fromResponse(GetFoundationModelResponse response) {
        FoundationModelDetails model = response.modelDetails();
        String lifecycle =
                model.modelLifecycle() != null ? model.modelLifecycle().statusAsString() : "UNKNOWN";
        Health.Builder builder = new Health.Builder(
                        "ACTIVE".equals(lifecycle) || "LEGACY".equals(lifecycle) ? Status.UP : Status.DOWN)
                .withDetails(HealthDetails.of(target, "model"))
                .withDetail("status", lifecycle);
        if ("LEGACY".equals(lifecycle)) {
            builder.withDetail(
                    "warning",
                    "Model " + target.resource()
                            + " is LEGACY: AWS will end its life; move to a current model before it stops answering");
        }
        return builder.build();
    }

    private Health fromError(AwsServiceException error) {
        String code = error.awsErrorDetails() != null ? error.awsErrorDetails().errorCode() : null;
        boolean saysNo = error.statusCode() == 404
                || error.statusCode() == 403
                || "ResourceNotFoundException".equals(code)
                || "AccessDeniedException".equals(code);
        return new Health.Builder(saysNo ? Status.DOWN : Status.UNKNOWN)
                .withDetails(HealthDetails.of(target, "model"))
                .withDetail("status", error.statusCode() == 403 ? "AccessDenied" : saysNo ? "NotFound" : "Unknown")
                .withDetail(
                        "error",
                        (code != null ? code + ": " : "")
                                + error.awsErrorDetails().errorMessage())
                .build();
    }
}
