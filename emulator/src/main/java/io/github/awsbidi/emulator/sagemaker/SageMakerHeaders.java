package io.github.awsbidi.emulator.sagemaker;

import io.github.awsbidi.emulator.stream.RequestHead;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The three optional SageMaker headers, validated with AWS's patterns and lengths.
 *
 * @param targetVariant {@code X-Amzn-SageMaker-Target-Variant}
 * @param invocationPath {@code X-Amzn-SageMaker-Model-Invocation-Path}
 * @param queryString {@code X-Amzn-SageMaker-Model-Query-String}
 */
record SageMakerHeaders(
        @Nullable String targetVariant,
        @Nullable String invocationPath,
        @Nullable String queryString) {

    static final String TARGET_VARIANT = "x-amzn-sagemaker-target-variant";
    static final String INVOCATION_PATH = "x-amzn-sagemaker-model-invocation-path";
    static final String QUERY_STRING = "x-amzn-sagemaker-model-query-string";

    static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$");
    private static final Pattern PATH = Pattern.compile("^[A-Za-z0-9\\-._]+(?:/[A-Za-z0-9\\-._]+)*$");
    private static final Pattern QUERY =
            Pattern.compile("^[A-Za-z0-9\\-._~%]+=[A-Za-z0-9\\-._~%+]*(?:&[A-Za-z0-9\\-._~%]+=[A-Za-z0-9\\-._~%+]*)*$");

    /** Reads and validates the headers; throws {@link IllegalArgumentException} naming the header and its limit. */
    static SageMakerHeaders of(RequestHead head) {
        return new SageMakerHeaders(
                validated(head.header(TARGET_VARIANT), "X-Amzn-SageMaker-Target-Variant", 63, NAME),
                validated(head.header(INVOCATION_PATH), "X-Amzn-SageMaker-Model-Invocation-Path", 100, PATH),
                validated(head.header(QUERY_STRING), "X-Amzn-SageMaker-Model-Query-String", 2048, QUERY));
    }

    private static @Nullable String validated(Optional<String> value, String header, int maxLength, Pattern pattern) {
        if (value.isEmpty()) {
            return null;
        }
        String text = value.get();
        if (text.length() > maxLength) {
            throw new IllegalArgumentException("1 validation error detected: Value at '" + header
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + maxLength);
        }
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException("1 validation error detected: Value '" + text + "' at '" + header
                    + "' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + pattern.pattern());
        }
        return text;
    }
}
