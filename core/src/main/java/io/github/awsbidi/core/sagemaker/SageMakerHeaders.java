package io.github.awsbidi.core.sagemaker;

import io.github.awsbidi.core.BidiStreamException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The limits AWS puts on the endpoint name and the three optional request headers, checked before sending. */
final class SageMakerHeaders {

    static final int ENDPOINT_NAME_MAX = 63;
    static final int TARGET_VARIANT_MAX = 63;
    static final int MODEL_INVOCATION_PATH_MAX = 100;
    static final int MODEL_QUERY_STRING_MAX = 2048;

    private static final String NAME_REGEX = "^[a-zA-Z0-9](-*[a-zA-Z0-9])*$";
    private static final Pattern NAME = Pattern.compile(NAME_REGEX);
    private static final String PATH_REGEX = "^[A-Za-z0-9\\-._]+(?:/[A-Za-z0-9\\-._]+)*$";
    private static final Pattern PATH = Pattern.compile(PATH_REGEX);
    private static final String PAIR = "[a-zA-Z0-9][A-Za-z0-9_-]*=(?:[A-Za-z0-9._~\\-]|%[0-9A-Fa-f]{2})+";
    private static final String QUERY_REGEX = "^" + PAIR + "(?:&" + PAIR + ")*$";
    private static final Pattern QUERY = Pattern.compile(QUERY_REGEX);

    private SageMakerHeaders() {}

    static void endpointName(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw BidiStreamException.validation("endpointName must not be empty");
        }
        check("endpointName", value, ENDPOINT_NAME_MAX, NAME, NAME_REGEX);
    }

    static void targetVariant(@Nullable String value) {
        if (value != null) {
            check("targetVariant (X-Amzn-SageMaker-Target-Variant)", value, TARGET_VARIANT_MAX, NAME, NAME_REGEX);
        }
    }

    static void modelInvocationPath(@Nullable String value) {
        if (value != null) {
            check(
                    "modelInvocationPath (X-Amzn-SageMaker-Model-Invocation-Path)",
                    value,
                    MODEL_INVOCATION_PATH_MAX,
                    PATH,
                    PATH_REGEX);
        }
    }

    static void modelQueryString(@Nullable String value) {
        if (value != null) {
            check(
                    "modelQueryString (X-Amzn-SageMaker-Model-Query-String)",
                    value,
                    MODEL_QUERY_STRING_MAX,
                    QUERY,
                    "k=v pairs joined by '&', keys matching [a-zA-Z0-9][A-Za-z0-9_-]*, values URL-encoded");
        }
    }

    private static void check(String field, String value, int maxLength, Pattern pattern, String rule) {
        if (value.isEmpty()) {
            throw BidiStreamException.validation(field + " must not be empty (omit it instead)");
        }
        if (value.length() > maxLength) {
            throw BidiStreamException.validation(
                    field + " is " + value.length() + " characters long, over the limit of " + maxLength);
        }
        if (!pattern.matcher(value).matches()) {
            throw BidiStreamException.validation(field + " '" + abbreviate(value) + "' does not match " + rule);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
