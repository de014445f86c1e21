package io.github.awsbidi.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Removes secrets from text that services send back: AWS answers a signature mismatch with the canonical request,
 * which holds the session token ({@code x-amz-security-token:...}), and may quote a presigned URL's
 * {@code X-Amz-Security-Token=} or an {@code Authorization} header's {@code Signature=}. Exception messages and the
 * library's logs go through this, since applications log them. Public only for the core's own packages; not an API.
 */
public final class Redaction {

    /** What replaces a secret. */
    public static final String REDACTED = "[redacted]";

    // A header line "name:value" or "name: value", a query parameter "name=value", or an Authorization part.
    private static final Pattern SECRET = Pattern.compile(
            "(?i)(x-amz-security-token[ \\t]*[:=][ \\t]*|x-amz-signature[ \\t]*[:=][ \\t]*|(?<![-\\w])signature[ \\t]*=[ \\t]*)"
                    + "([^\\s&,;'\"]+)");

    private Redaction() {}

    /** {@code text} with every session token and signature value replaced by {@link #REDACTED}. */
    public static String redact(String text) {
        Matcher matcher = SECRET.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + REDACTED));
        } while (matcher.find());
        matcher.appendTail(out);
        return out.toString();
    }

    /** Whether {@code text} holds anything {@link #redact(String)} would replace. */
    public static boolean holdsSecrets(@Nullable String text) {
        return text != null && SECRET.matcher(text).find();
    }
}
