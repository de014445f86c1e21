package io.github.awsbidi.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@code aws.bidi.*} configuration that cannot work, found at startup: it names the property, says what is wrong
 * and how to fix it. {@code AwsBidiConfigurationFailureAnalyzer} turns it into Spring Boot's failure report.
 */
public final class AwsBidiConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;

    private final String action;

    /**
     * @param property the offending property, e.g. {@code aws.bidi.sagemaker.sessions.asr.endpoint-name}
     * @param description what is wrong, naming the property
     * @param action how to fix it
     * @param cause the underlying validation or binding error, if any
     */
    public AwsBidiConfigurationException(
            String property, String description, String action, @Nullable Throwable cause) {
        super(description, cause);
        this.property = property;
        this.action = action;
    }

    /** The offending property. */
    public String property() {
        return property;
    }

    /** What is wrong. */
    public String description() {
        String message = getMessage();
        return message != null ? message : property;
    }

    /** How to fix it. */
    public String action() {
        return action;
    }
}
