package io.github.awsbidi.emulator.controlplane;

import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.BedrockModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Bedrock {@code GetFoundationModel}: the model's details and lifecycle status, as configured. */
final class GetFoundationModel {

    static final String PATH_PREFIX = "/foundation-models/";

    private GetFoundationModel() {}

    static ControlPlaneResponse answer(EmulatorConfig config, String modelId, String region) {
        Optional<BedrockModel> model = config.bedrockModel(modelId);
        if (model.isEmpty() || model.get().behaviour() == BedrockModel.ModelBehaviour.END_OF_LIFE) {
            return ControlPlaneResponse.error(
                    "ResourceNotFoundException",
                    model.isEmpty()
                            ? "The provided model identifier is invalid."
                            : "This model version has reached the end of its life. Please refer to the AWS documentation for more details.");
        }
        boolean sonic = model.get().behaviour() == BedrockModel.ModelBehaviour.NOVA_SONIC;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("modelArn", "arn:aws:bedrock:" + region + "::foundation-model/" + modelId);
        details.put("modelId", modelId);
        details.put("modelName", sonic ? sonicName(modelId) : modelId);
        details.put("providerName", sonic ? "Amazon" : "aws-bidi emulator");
        details.put("inputModalities", sonic ? List.of("SPEECH", "TEXT") : List.of("TEXT"));
        details.put("outputModalities", sonic ? List.of("SPEECH", "TEXT") : List.of("TEXT"));
        details.put("responseStreamingSupported", true);
        details.put("customizationsSupported", List.of());
        details.put("inferenceTypesSupported", List.of("ON_DEMAND"));
        details.put("modelLifecycle", Map.of("status", model.get().lifecycle().name()));
        return ControlPlaneResponse.ok(Map.of("modelDetails", details));
    }

    private static String sonicName(String modelId) {
        return modelId.contains("nova-2-5-sonic")
                ? "Nova 2.5 Sonic"
                : modelId.contains("nova-2-sonic") ? "Nova 2 Sonic" : "Nova Sonic";
    }
}
