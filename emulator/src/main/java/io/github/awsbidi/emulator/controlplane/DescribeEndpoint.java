package io.github.awsbidi.emulator.controlplane;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.EndpointStatus;
import io.github.awsbidi.emulator.config.SageMakerEndpoint;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** SageMaker {@code DescribeEndpoint}: the endpoint's status and variants, as configured. */
final class DescribeEndpoint {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private DescribeEndpoint() {}

    static ControlPlaneResponse answer(EmulatorConfig config, JsonNode request, String region) {
        String name = request.path("EndpointName").asString("");
        String arn =
                "arn:aws:sagemaker:" + region + ":000000000000:endpoint/" + name.toLowerCase(java.util.Locale.ROOT);
        Optional<SageMakerEndpoint> endpoint = name.isEmpty() ? Optional.empty() : config.sagemakerEndpoint(name);
        if (endpoint.isEmpty()) {
            return ControlPlaneResponse.error("ValidationException", "Could not find endpoint \"" + arn + "\".");
        }
        EndpointStatus status = endpoint.get().status();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("EndpointName", name);
        body.put("EndpointArn", arn);
        body.put("EndpointConfigName", name + "-config");
        body.put(
                "ProductionVariants",
                endpoint.get().variants().stream()
                        .map(variant -> Map.of(
                                "VariantName",
                                variant.name(),
                                "CurrentWeight",
                                1.0,
                                "DesiredWeight",
                                1.0,
                                "CurrentInstanceCount",
                                1,
                                "DesiredInstanceCount",
                                1))
                        .toList());
        body.put("EndpointStatus", status.wireName());
        if (status == EndpointStatus.FAILED) {
            body.put("FailureReason", "Emulated failure: the endpoint is configured as Failed.");
        }
        body.put("CreationTime", CREATED.getEpochSecond());
        body.put("LastModifiedTime", CREATED.getEpochSecond());
        return ControlPlaneResponse.ok(body);
    }
}
