package io.github.awsbidi.health;

import io.github.awsbidi.core.Target;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import reactor.core.publisher.Mono;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerAsyncClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeEndpointResponse;
import software.amazon.awssdk.services.sagemaker.model.ProductionVariantSummary;

/**
 * The health of one SageMaker session's endpoint, from {@code DescribeEndpoint}: {@code InService} is UP;
 * {@code Creating}, {@code Updating}, {@code SystemUpdating} and {@code RollingBack} are OUT_OF_SERVICE;
 * {@code Failed}, {@code OutOfService}, any other status and a missing endpoint are DOWN. An error that says
 * nothing about the endpoint (throttling, network) is UNKNOWN.
 */
public final class SageMakerEndpointHealthIndicator implements ReactiveHealthIndicator {

    private static final Set<String> TRANSITIONAL = Set.of("Creating", "Updating", "SystemUpdating", "RollingBack");

    private final SageMakerAsyncClient client;
    private final Target target;

    public SageMakerEndpointHealthIndicator(SageMakerAsyncClient client, Target target) {
        this.client = client;
        this.target = target;
    }

    @Override
    public Mono<Health> health() {
        return Mono.fromFuture(() -> client.describeEndpoint(request -> request.endpointName(target.resource())))
                .map(this::fromResponse)
                .onErrorResume(AwsServiceException.class, error -> Mono.just(fromError(error)));
    }

    private Health fromResponse(DescribeEndpointResponse response) {
        String status = response.endpointStatusAsString();
        Health.Builder builder = new Health.Builder(statusOf(status))
                .withDetails(details())
                .withDetail("status", status)
                .withDetail(
                        "variants",
                        response.productionVariants().stream()
                                .map(ProductionVariantSummary::variantName)
                                .toList());
        if (response.failureReason() != null) {
            builder.withDetail("failureReason", response.failureReason());
        }
        return builder.build();
    }

    private Health fromError(AwsServiceException error) {
        String code = error.awsErrorDetails() != null ? error.awsErrorDetails().errorCode() : null;
        boolean notFound = "ValidationException".equals(code)
                && String.valueOf(error.getMessage()).contains("Could not find endpoint");
        Status status = notFound || error.statusCode() == 403 ? Status.DOWN : Status.UNKNOWN;
        return new Health.Builder(status)
                .withDetails(details())
                .withDetail("status", notFound ? "NotFound" : "Unknown")
                .withDetail(
                        "error",
                        (code != null ? code + ": " : "")
                                + error.awsErrorDetails().errorMessage())
                .build();
    }

    private Map<String, Object> details() {
        return HealthDetails.of(target, "endpoint");
    }

    static Status statusOf(@Nullable String status) {
        if ("InService".equals(status)) {
            return Status.UP;
        }
        if (status != null && TRANSITIONAL.contains(status)) {
            return Status.OUT_OF_SERVICE;
        }
        return Status.DOWN;
    }
}
