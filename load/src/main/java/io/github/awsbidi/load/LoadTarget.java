package io.github.awsbidi.load;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the sessions talk to: {@code sagemaker:<endpoint>[/<variant>]}, {@code bedrock:<modelId>} or {@code
 * polly:<voice>}.
 */
sealed interface LoadTarget {

    /** SageMaker's endpoint-name rule (CreateEndpoint): letters, digits and inner hyphens, at most 63. */
    Pattern SAGEMAKER_NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");

    /** A SageMaker endpoint and, optionally, the production variant to pin. */
    record SageMaker(String endpoint, @Nullable String variant) implements LoadTarget {
        @Override
        public String toString() {
            return "sagemaker:" + endpoint + (variant != null ? "/" + variant : "");
        }
    }

    /** A Bedrock model id (a Nova Sonic id makes the sessions hold conversations). */
    record Bedrock(String modelId) implements LoadTarget {
        @Override
        public String toString() {
            return "bedrock:" + modelId;
        }
    }

    /**
     * A Polly voice, spoken to with text at an LLM's pace.
     *
     * @param voiceId the voice (generative engine)
     * @param tokensPerSecond words sent per second by each session
     */
    record Polly(String voiceId, double tokensPerSecond) implements LoadTarget {

        /** An LLM's typical streaming pace. */
        static final double DEFAULT_TOKENS_PER_SECOND = 30;

        @Override
        public String toString() {
            return "polly:" + voiceId;
        }
    }

    /** Polly's voice ids: letters only (API reference, {@code VoiceId}). */
    Pattern POLLY_VOICE = Pattern.compile("[A-Za-z]{1,40}");

    static LoadTarget parse(String text) {
        int colon = text.indexOf(':');
        String service = colon < 0 ? "" : text.substring(0, colon);
        String rest = colon < 0 ? "" : text.substring(colon + 1);
        switch (service) {
            case "sagemaker" -> {
                int slash = rest.indexOf('/');
                String endpoint = slash < 0 ? rest : rest.substring(0, slash);
                String variant = slash < 0 ? null : rest.substring(slash + 1);
                if (!SAGEMAKER_NAME.matcher(endpoint).matches()) {
                    throw new InvalidOptionException(
                            "--target",
                            "the SageMaker endpoint name must be 1 to 63 letters," + " digits or inner hyphens, was '"
                                    + endpoint + "'");
                }
                if (variant != null && !SAGEMAKER_NAME.matcher(variant).matches()) {
                    throw new InvalidOptionException(
                            "--target",
                            "the variant name after '/' must be 1 to 63" + " letters, digits or inner hyphens, was '"
                                    + variant + "'");
                }
                return new SageMaker(endpoint, variant);
            }
            case "bedrock" -> {
                if (rest.isBlank() || rest.length() > 2048) {
                    throw new InvalidOptionException(
                            "--target", "the Bedrock model id must be 1 to 2048 characters," + " was '" + rest + "'");
                }
                return new Bedrock(rest);
            }
            case "polly" -> {
                if (!POLLY_VOICE.matcher(rest).matches()) {
                    throw new InvalidOptionException(
                            "--target", "the Polly voice id must be 1 to 40 letters, e.g. Joanna, was '" + rest + "'");
                }
                return new Polly(rest, Polly.DEFAULT_TOKENS_PER_SECOND);
            }
            default ->
                throw new InvalidOptionException(
                        "--target",
                        "expected sagemaker:<endpoint>[/<variant>] or" + " bedrock:<modelId>, was '" + text + "'");
        }
    }
}
