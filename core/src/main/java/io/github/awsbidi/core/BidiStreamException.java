package io.github.awsbidi.core;

import io.github.awsbidi.core.internal.Redaction;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The one error type of this library. {@link #kind()} says what went wrong independent of the service,
 * {@link #retryable()} whether opening a new stream may succeed, {@link #errorCode()} keeps the service's error
 * code (e.g. a SageMaker {@code ModelStreamError}'s code), and the AWS SDK exception, if any, is the cause. Session
 * tokens and signatures that a service message quotes (a signature mismatch quotes the canonical request) are
 * redacted from the message, and from the cause's.
 */
public final class BidiStreamException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final boolean retryable;
    private final @Nullable String errorCode;
    private final @Nullable Integer statusCode;
    private final transient @Nullable Target target;
    private final @Nullable String sessionName;
    private final String detail;

    /**
     * @param kind what went wrong
     * @param retryable whether opening a new stream may succeed
     * @param errorCode the service's error code, if any
     * @param statusCode the HTTP status, if any
     * @param detail the service's (or our) message, without the session prefix
     * @param cause the SDK exception or I/O failure, if any
     * @param target the target the session talks to, if known
     * @param sessionName the session's name, if known
     */
    public BidiStreamException(
            ErrorKind kind,
            boolean retryable,
            @Nullable String errorCode,
            @Nullable Integer statusCode,
            String detail,
            @Nullable Throwable cause,
            @Nullable Target target,
            @Nullable String sessionName) {
        super(message(kind, errorCode, Redaction.redact(detail), target, sessionName), cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.retryable = retryable;
        this.errorCode = errorCode;
        this.statusCode = statusCode;
        this.target = target;
        this.sessionName = sessionName;
        this.detail = Redaction.redact(detail);
    }

    /** A non-retryable {@link ErrorKind#VALIDATION} error raised before anything was sent. */
    public static BidiStreamException validation(String detail) {
        return new BidiStreamException(ErrorKind.VALIDATION, false, null, null, detail, null, null, null);
    }

    /** This error with the session and target stated in its message (when it does not say them already). */
    public BidiStreamException in(String sessionName, Target target) {
        if (this.sessionName != null) {
            return this;
        }
        BidiStreamException located = new BidiStreamException(
                kind, retryable, errorCode, statusCode, detail, getCause(), target, sessionName);
        located.setStackTrace(getStackTrace());
        return located;
    }

    /** What went wrong. */
    public ErrorKind kind() {
        return kind;
    }

    /** Whether opening a new stream may succeed (throttling, unavailability, transient model errors...). */
    public boolean retryable() {
        return retryable;
    }

    /** The service's error code, e.g. {@code ThrottlingException} or a container's {@code ModelStreamError} code. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** The HTTP status code the service answered with, if the error came from an HTTP response. */
    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    /** The target of the failed exchange, if known. */
    public Optional<Target> target() {
        return Optional.ofNullable(target);
    }

    /** The name of the session whose exchange failed, if known. */
    public Optional<String> sessionName() {
        return Optional.ofNullable(sessionName);
    }

    /** The message without the session and target prefix. */
    public String detail() {
        return detail;
    }

    private static String message(
            ErrorKind kind,
            @Nullable String errorCode,
            String detail,
            @Nullable Target target,
            @Nullable String sessionName) {
        StringBuilder message = new StringBuilder();
        if (sessionName != null) {
            message.append("session '").append(sessionName).append("' ");
        }
        if (target != null) {
            message.append("(").append(target).append(") ");
        }
        message.append(kind);
        if (errorCode != null) {
            message.append(" [").append(errorCode).append("]");
        }
        return message.append(": ").append(detail).toString();
    }
}
