package io.github.awsbidi.emulator.config;

/** The status a SageMaker endpoint reports through {@code DescribeEndpoint}, with its wire spelling. */
public enum EndpointStatus {
    OUT_OF_SERVICE("OutOfService"),
    CREATING("Creating"),
    UPDATING("Updating"),
    SYSTEM_UPDATING("SystemUpdating"),
    ROLLING_BACK("RollingBack"),
    IN_SERVICE("InService"),
    DELETING("Deleting"),
    FAILED("Failed"),
    UPDATE_ROLLBACK_FAILED("UpdateRollbackFailed");

    private final String wireName;

    EndpointStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The spelling AWS uses on the wire, e.g. {@code InService}. */
    public String wireName() {
        return wireName;
    }

    /** Parses either the wire spelling ({@code InService}) or the constant name ({@code IN_SERVICE}). */
    public static EndpointStatus parse(String value) {
        for (EndpointStatus status : values()) {
            if (status.wireName.equalsIgnoreCase(value) || status.name().equalsIgnoreCase(value)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown endpoint status '" + value + "'; expected one of "
                + java.util.Arrays.stream(values())
                        .map(EndpointStatus::wireName)
                        .toList());
    }
}
