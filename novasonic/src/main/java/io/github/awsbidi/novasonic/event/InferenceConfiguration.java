package io.github.awsbidi.novasonic.event;

/** {@code sessionStart.inferenceConfiguration}: sampling parameters for the whole session. */
public record InferenceConfiguration(int maxTokens, double topP, double temperature) {}
