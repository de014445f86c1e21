package io.github.awsbidi.core.bedrock;

import io.github.awsbidi.core.BidiStreamException;

/**
 * What a Bedrock session invokes.
 *
 * @param modelId the model id or ARN, e.g. {@code amazon.nova-2-sonic-v1:0} (1 to 2048 characters, no whitespace)
 */
public record BedrockSessionSettings(String modelId) {

    /** The longest model id (an inference-profile or provisioned-model ARN) Bedrock accepts. */
    public static final int MODEL_ID_MAX = 2048;

    public BedrockSessionSettings {
        if (modelId == null || modelId.isBlank()) {
            throw BidiStreamException.validation("modelId must not be empty");
        }
        if (modelId.length() > MODEL_ID_MAX) {
            throw BidiStreamException.validation(
                    "modelId is " + modelId.length() + " characters long, over the limit of " + MODEL_ID_MAX);
        }
        for (int i = 0; i < modelId.length(); i++) {
            char c = modelId.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw BidiStreamException.validation("modelId '" + modelId
                        + "' must not contain whitespace or control characters (at index " + i + ")");
            }
        }
    }

    /** Settings for {@code modelId}. */
    public static BedrockSessionSettings of(String modelId) {
        return new BedrockSessionSettings(modelId);
    }
}
