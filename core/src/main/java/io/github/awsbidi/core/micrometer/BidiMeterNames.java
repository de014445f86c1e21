package io.github.awsbidi.core.micrometer;

/** The meter names and tag keys dashboards can rely on. */
public final class BidiMeterNames {

    /** Timer of whole exchanges (from the observation); its long task timer is {@code aws.bidi.exchange.active}. */
    public static final String EXCHANGE = "aws.bidi.exchange";
    /** Counter of frames, tagged by {@code direction}. */
    public static final String FRAMES = "aws.bidi.frames";
    /** Distribution summary of frame payload sizes in bytes, tagged by {@code direction}. */
    public static final String FRAME_SIZE = "aws.bidi.frame.size";
    /** Timer from the start of an exchange to its first inbound frame. */
    public static final String FIRST_RESPONSE = "aws.bidi.exchange.first.response";
    /** Timer from an outbound frame that completes an input unit to the next inbound frame. */
    public static final String RESPONSE_LATENCY = "aws.bidi.response.latency";
    /** Counter of failed exchanges, tagged by {@code error.kind}. */
    public static final String ERRORS = "aws.bidi.exchange.errors";

    /** Tag: the session's name. */
    public static final String TAG_SESSION = "session";
    /** Tag: {@code sagemaker} or {@code bedrock}. */
    public static final String TAG_SERVICE = "service";
    /** Tag: {@code outbound} or {@code inbound}. */
    public static final String TAG_DIRECTION = "direction";
    /** Tag: {@code completed}, {@code cancelled} or {@code error}. */
    public static final String TAG_OUTCOME = "outcome";
    /** Tag: the {@link io.github.awsbidi.core.ErrorKind} in lower case, or {@code none}. */
    public static final String TAG_ERROR_KIND = "error.kind";

    private BidiMeterNames() {}
}
