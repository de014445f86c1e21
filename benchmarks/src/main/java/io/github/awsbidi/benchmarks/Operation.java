package io.github.awsbidi.benchmarks;

/** The two bidirectional operations, each against the emulator's echo target. */
enum Operation {

    /** InvokeEndpointWithBidirectionalStream to the built-in {@code echo} container. */
    SAGEMAKER("sagemaker", "echo"),

    /** InvokeModelWithBidirectionalStream to an {@code echo} model, which answers each chunk with its bytes. */
    BEDROCK("bedrock", "echo.bench-v1:0");

    private final String label;
    private final String target;

    Operation(String label, String target) {
        this.label = label;
        this.target = target;
    }

    String label() {
        return label;
    }

    /** The endpoint name or model id. */
    String target() {
        return target;
    }

    static Operation parse(String text) {
        for (Operation operation : values()) {
            if (operation.label.equalsIgnoreCase(text.trim())) {
                return operation;
            }
        }
        throw new IllegalArgumentException("unknown operation '" + text + "', expected sagemaker or bedrock");
    }
}
