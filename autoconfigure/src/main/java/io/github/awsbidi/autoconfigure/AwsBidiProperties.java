package io.github.awsbidi.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.github.awsbidi.core.ErrorKind;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of AWS bidirectional-streaming sessions ({@code aws.bidi.*}): where clients connect, how their
 * HTTP/2 client is tuned, how exchanges are buffered and retried, and the named SageMaker and Bedrock sessions, each
 * of which becomes a {@link io.github.awsbidi.core.BidirectionalSession} bean of the same name.
 */
@ConfigurationProperties("aws.bidi")
public class AwsBidiProperties {

    /** AWS region of every session, e.g. eu-west-1; default: the AwsRegionProvider bean, else the SDK's chain. */
    private @Nullable String region;

    /** Endpoint override of every client, e.g. a local emulator; default: the service's public endpoint. */
    private @Nullable URI endpoint;

    private final Http http = new Http();

    private final Exchange exchange = new Exchange();

    private final Retry retry = new Retry();

    private final SageMaker sagemaker = new SageMaker();

    private final Bedrock bedrock = new Bedrock();

    private final Metrics metrics = new Metrics();

    private final Observations observations = new Observations();

    private final Health health = new Health();

    public @Nullable String getRegion() {
        return region;
    }

    public void setRegion(@Nullable String region) {
        this.region = region;
    }

    public @Nullable URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(@Nullable URI endpoint) {
        this.endpoint = endpoint;
    }

    public Http getHttp() {
        return http;
    }

    public Exchange getExchange() {
        return exchange;
    }

    public Retry getRetry() {
        return retry;
    }

    public SageMaker getSagemaker() {
        return sagemaker;
    }

    public Bedrock getBedrock() {
        return bedrock;
    }

    public Metrics getMetrics() {
        return metrics;
    }

    public Observations getObservations() {
        return observations;
    }

    public Health getHealth() {
        return health;
    }

    /** Micrometer meters of every session (frames, sizes, latencies, errors). */
    public static class Metrics {

        /** Whether to record aws.bidi.* meters when a MeterRegistry exists. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** One Micrometer observation per exchange (the aws.bidi.exchange timer, traces). */
    public static class Observations {

        /** Whether to observe exchanges when an ObservationRegistry exists. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The awsBidi health contributor: one indicator per session, through the AWS control plane. */
    public static class Health {

        /** Whether to contribute the awsBidi health indicators. */
        private boolean enabled = true;

        /** How long a control-plane answer is reused, so probe storms never become AWS call storms. */
        private Duration cacheTtl = Duration.ofSeconds(30);

        /** How long to wait for the control plane before reporting UNKNOWN. */
        private Duration timeout = Duration.ofSeconds(5);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
    }

    /** Tuning of the Netty HTTP/2 client behind every SDK client, suited to minutes-long streams by default. */
    public static class Http {

        /** Maximum number of concurrent HTTP/2 streams across all connections of one client. */
        private int maxConcurrency = 200;

        /** Maximum number of streams per HTTP/2 connection; default: 1 for SageMaker, server's limit for Bedrock. */
        private @Nullable Long maxStreamsPerConnection;

        /** Time a TCP/TLS connect may take. */
        private Duration connectTimeout = Duration.ofSeconds(10);

        /** Time opening a stream may wait for a free connection. */
        private Duration acquireTimeout = Duration.ofSeconds(60);

        /** Idle time after which a connection is dropped; 0 disables it (dead peers are found by pings). */
        private Duration readTimeout = Duration.ZERO;

        /** Time one write may take; 0 disables it. */
        private Duration writeTimeout = Duration.ZERO;

        /** Period of the HTTP/2 PINGs that detect dead connections. */
        private Duration pingPeriod = Duration.ofSeconds(30);

        /** HTTP/2 receive window per stream: how far the server may send ahead of a slow consumer; default 1MB (the SDK's). */
        private @Nullable DataSize initialWindowSize;

        public @Nullable DataSize getInitialWindowSize() {
            return initialWindowSize;
        }

        public void setInitialWindowSize(@Nullable DataSize initialWindowSize) {
            this.initialWindowSize = initialWindowSize;
        }

        public int getMaxConcurrency() {
            return maxConcurrency;
        }

        public void setMaxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
        }

        public @Nullable Long getMaxStreamsPerConnection() {
            return maxStreamsPerConnection;
        }

        public void setMaxStreamsPerConnection(@Nullable Long maxStreamsPerConnection) {
            this.maxStreamsPerConnection = maxStreamsPerConnection;
        }

        public Duration getConnectTimeout() {
            return connectTimeout;
        }

        public void setConnectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
        }

        public Duration getAcquireTimeout() {
            return acquireTimeout;
        }

        public void setAcquireTimeout(Duration acquireTimeout) {
            this.acquireTimeout = acquireTimeout;
        }

        public Duration getReadTimeout() {
            return readTimeout;
        }

        public void setReadTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
        }

        public Duration getWriteTimeout() {
            return writeTimeout;
        }

        public void setWriteTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
        }

        public Duration getPingPeriod() {
            return pingPeriod;
        }

        public void setPingPeriod(Duration pingPeriod) {
            this.pingPeriod = pingPeriod;
        }
    }

    /** Limits of every exchange (one HTTP/2 stream) of every session. */
    public static class Exchange {

        /** Largest payload of one frame; larger frames are rejected before sending. */
        private DataSize maxFrameSize = DataSize.ofMegabytes(1);

        /** Number of frames an imperative Exchange may buffer ahead of the HTTP/2 flow-control window. */
        private int sendBufferFrames = 32;

        public DataSize getMaxFrameSize() {
            return maxFrameSize;
        }

        public void setMaxFrameSize(DataSize maxFrameSize) {
            this.maxFrameSize = maxFrameSize;
        }

        public int getSendBufferFrames() {
            return sendBufferFrames;
        }

        public void setSendBufferFrames(int sendBufferFrames) {
            this.sendBufferFrames = sendBufferFrames;
        }
    }

    /** Retries of opening a stream (an open stream is never retried), with jittered exponential back-off. */
    public static class Retry {

        /** Maximum number of attempts to open a stream, the first included; 1 disables retries. */
        private int maxAttempts = 4;

        /** Delay before the first retry, before jitter. */
        private Duration initialBackoff = Duration.ofMillis(200);

        /** Cap on any one delay, before jitter. */
        private Duration maxBackoff = Duration.ofSeconds(5);

        /** Cap on the sum of all delays of one exchange. */
        private Duration maxElapsed = Duration.ofSeconds(20);

        /** Kinds of failure that are retried when the service marks them retryable. */
        private Set<ErrorKind> retryOn = EnumSet.of(ErrorKind.THROTTLING, ErrorKind.UNAVAILABLE,
                ErrorKind.MODEL_ERROR, ErrorKind.MODEL_NOT_READY, ErrorKind.CONNECTION);

        /** Payload kept for replay by exchanges that opt in to replaying unconfirmed frames. */
        private DataSize maxReplaySize = DataSize.ofMegabytes(1);

        public int getMaxAttempts() {
            return maxAttempts;
        }

        public void setMaxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        public Duration getInitialBackoff() {
            return initialBackoff;
        }

        public void setInitialBackoff(Duration initialBackoff) {
            this.initialBackoff = initialBackoff;
        }

        public Duration getMaxBackoff() {
            return maxBackoff;
        }

        public void setMaxBackoff(Duration maxBackoff) {
            this.maxBackoff = maxBackoff;
        }

        public Duration getMaxElapsed() {
            return maxElapsed;
        }

        public void setMaxElapsed(Duration maxElapsed) {
            this.maxElapsed = maxElapsed;
        }

        public Set<ErrorKind> getRetryOn() {
            return retryOn;
        }

        public void setRetryOn(Set<ErrorKind> retryOn) {
            this.retryOn = retryOn;
        }

        public DataSize getMaxReplaySize() {
            return maxReplaySize;
        }

        public void setMaxReplaySize(DataSize maxReplaySize) {
            this.maxReplaySize = maxReplaySize;
        }
    }

    /** SageMaker Runtime InvokeEndpointWithBidirectionalStream sessions. */
    public static class SageMaker {

        /** SageMaker sessions by bean name. */
        private final Map<String, SageMakerSession> sessions = new LinkedHashMap<>();

        public Map<String, SageMakerSession> getSessions() {
            return sessions;
        }
    }

    /** One SageMaker session: an endpoint and the defaults of its optional request headers. */
    public static class SageMakerSession {

        /** Name of the SageMaker endpoint to invoke. */
        private @Nullable String endpointName;

        /** Production variant to invoke (X-Amzn-SageMaker-Target-Variant); default: SageMaker's routing. */
        private @Nullable String targetVariant;

        /** Path of the model container's WebSocket (X-Amzn-SageMaker-Model-Invocation-Path), e.g. v1/listen. */
        private @Nullable String modelInvocationPath;

        /** Query string for the model container (X-Amzn-SageMaker-Model-Query-String), e.g. language=en. */
        private @Nullable String modelQueryString;

        /** AWS region of this session; overrides aws.bidi.region. */
        private @Nullable String region;

        /** Endpoint override of this session; overrides aws.bidi.endpoint. */
        private @Nullable URI endpoint;

        public @Nullable String getEndpointName() {
            return endpointName;
        }

        public void setEndpointName(@Nullable String endpointName) {
            this.endpointName = endpointName;
        }

        public @Nullable String getTargetVariant() {
            return targetVariant;
        }

        public void setTargetVariant(@Nullable String targetVariant) {
            this.targetVariant = targetVariant;
        }

        public @Nullable String getModelInvocationPath() {
            return modelInvocationPath;
        }

        public void setModelInvocationPath(@Nullable String modelInvocationPath) {
            this.modelInvocationPath = modelInvocationPath;
        }

        public @Nullable String getModelQueryString() {
            return modelQueryString;
        }

        public void setModelQueryString(@Nullable String modelQueryString) {
            this.modelQueryString = modelQueryString;
        }

        public @Nullable String getRegion() {
            return region;
        }

        public void setRegion(@Nullable String region) {
            this.region = region;
        }

        public @Nullable URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(@Nullable URI endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** Bedrock Runtime InvokeModelWithBidirectionalStream sessions. */
    public static class Bedrock {

        /** Bedrock sessions by bean name. */
        private final Map<String, BedrockSession> sessions = new LinkedHashMap<>();

        public Map<String, BedrockSession> getSessions() {
            return sessions;
        }
    }

    /** One Bedrock session: a model. */
    public static class BedrockSession {

        /** Model id or inference-profile ARN, e.g. amazon.nova-2-sonic-v1:0. */
        private @Nullable String modelId;

        /** AWS region of this session; overrides aws.bidi.region. */
        private @Nullable String region;

        /** Endpoint override of this session; overrides aws.bidi.endpoint. */
        private @Nullable URI endpoint;

        private final NovaSonic novaSonic = new NovaSonic();

        public NovaSonic getNovaSonic() {
            return novaSonic;
        }

        public @Nullable String getModelId() {
            return modelId;
        }

        public void setModelId(@Nullable String modelId) {
            this.modelId = modelId;
        }

        public @Nullable String getRegion() {
            return region;
        }

        public void setRegion(@Nullable String region) {
            this.region = region;
        }

        public @Nullable URI getEndpoint() {
            return endpoint;
        }

        public void setEndpoint(@Nullable URI endpoint) {
            this.endpoint = endpoint;
        }
    }

    /** Defaults of the Nova Sonic conversations started on a Bedrock session; unset values use the library's. */
    public static class NovaSonic {

        /**
         * Whether to register the <name>NovaSonic bean for this session; default: when the model id names a Nova
         * Sonic model (amazon.nova-2-5-sonic, amazon.nova-2-sonic-v1:0, ...).
         */
        private @Nullable Boolean enabled;

        /** System prompt; default: a short friendly-assistant prompt suited to speech. */
        private @Nullable String systemPrompt;

        /** Voice of the assistant's speech, e.g. matthew, tiffany, amy. */
        private @Nullable String voiceId;

        /** Sample rate of the user audio sent, in Hz: 8000, 16000 or 24000. */
        private @Nullable Integer inputSampleRate;

        /** Sample rate of the assistant audio received, in Hz: 8000, 16000 or 24000. */
        private @Nullable Integer outputSampleRate;

        /** Largest number of tokens per response, 1 to 10000. */
        private @Nullable Integer maxTokens;

        /** Nucleus sampling, 0 to 1. */
        private @Nullable Double topP;

        /** Sampling temperature, 0 to 1. */
        private @Nullable Double temperature;

        /** How quickly the model decides the user has finished speaking. */
        private @Nullable Sensitivity endpointingSensitivity;

        private final Renewal renewal = new Renewal();

        private final Recovery recovery = new Recovery();

        public @Nullable String getSystemPrompt() {
            return systemPrompt;
        }

        public void setSystemPrompt(@Nullable String systemPrompt) {
            this.systemPrompt = systemPrompt;
        }

        public @Nullable String getVoiceId() {
            return voiceId;
        }

        public void setVoiceId(@Nullable String voiceId) {
            this.voiceId = voiceId;
        }

        public @Nullable Integer getInputSampleRate() {
            return inputSampleRate;
        }

        public void setInputSampleRate(@Nullable Integer inputSampleRate) {
            this.inputSampleRate = inputSampleRate;
        }

        public @Nullable Integer getOutputSampleRate() {
            return outputSampleRate;
        }

        public void setOutputSampleRate(@Nullable Integer outputSampleRate) {
            this.outputSampleRate = outputSampleRate;
        }

        public @Nullable Integer getMaxTokens() {
            return maxTokens;
        }

        public void setMaxTokens(@Nullable Integer maxTokens) {
            this.maxTokens = maxTokens;
        }

        public @Nullable Double getTopP() {
            return topP;
        }

        public void setTopP(@Nullable Double topP) {
            this.topP = topP;
        }

        public @Nullable Double getTemperature() {
            return temperature;
        }

        public void setTemperature(@Nullable Double temperature) {
            this.temperature = temperature;
        }

        public @Nullable Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
        }

        public @Nullable Sensitivity getEndpointingSensitivity() {
            return endpointingSensitivity;
        }

        public void setEndpointingSensitivity(@Nullable Sensitivity endpointingSensitivity) {
            this.endpointingSensitivity = endpointingSensitivity;
        }

        /**
         * Endpointing sensitivities, mirrored here so that these properties load without the aws-bidi-novasonic
         * module on the classpath.
         */
        public enum Sensitivity {
            HIGH, MEDIUM, LOW
        }

        public Renewal getRenewal() {
            return renewal;
        }

        public Recovery getRecovery() {
            return recovery;
        }

        /** Hand-off to a fresh stream before the service's ~8-minute limit, at a turn boundary. */
        public static class Renewal {

            /** Whether to renew the stream before the service ends it. */
            private @Nullable Boolean enabled;

            /** Stream age from which to hand off at the next turn boundary; default 6 minutes. */
            private @Nullable Duration threshold;

            /** How long after the threshold to hand off even without a turn boundary; default 90 seconds. */
            private @Nullable Duration forceAfter;

            /** Recent user audio replayed to the new stream; default 3 seconds. */
            private @Nullable Duration audioReplay;

            /** How long a pre-opened stream may wait before it is re-created; default 30 seconds. */
            private @Nullable Duration preOpenedIdleLimit;

            public @Nullable Boolean getEnabled() {
                return enabled;
            }

            public void setEnabled(@Nullable Boolean enabled) {
                this.enabled = enabled;
            }

            public @Nullable Duration getThreshold() {
                return threshold;
            }

            public void setThreshold(@Nullable Duration threshold) {
                this.threshold = threshold;
            }

            public @Nullable Duration getForceAfter() {
                return forceAfter;
            }

            public void setForceAfter(@Nullable Duration forceAfter) {
                this.forceAfter = forceAfter;
            }

            public @Nullable Duration getAudioReplay() {
                return audioReplay;
            }

            public void setAudioReplay(@Nullable Duration audioReplay) {
                this.audioReplay = audioReplay;
            }

            public @Nullable Duration getPreOpenedIdleLimit() {
                return preOpenedIdleLimit;
            }

            public void setPreOpenedIdleLimit(@Nullable Duration preOpenedIdleLimit) {
                this.preOpenedIdleLimit = preOpenedIdleLimit;
            }
        }

        /** Restart with history after recoverable errors (idle reset, model timeout, throttling, instability). */
        public static class Recovery {

            /** Whether to recover from recoverable stream errors. */
            private @Nullable Boolean enabled;

            /** Most recovery attempts in a row; default 5. */
            private @Nullable Integer maxAttempts;

            /** First back-off before recovering; default 250 ms. */
            private @Nullable Duration initialBackoff;

            /** Longest back-off between recovery attempts; default 5 seconds. */
            private @Nullable Duration maxBackoff;

            public @Nullable Boolean getEnabled() {
                return enabled;
            }

            public void setEnabled(@Nullable Boolean enabled) {
                this.enabled = enabled;
            }

            public @Nullable Integer getMaxAttempts() {
                return maxAttempts;
            }

            public void setMaxAttempts(@Nullable Integer maxAttempts) {
                this.maxAttempts = maxAttempts;
            }

            public @Nullable Duration getInitialBackoff() {
                return initialBackoff;
            }

            public void setInitialBackoff(@Nullable Duration initialBackoff) {
                this.initialBackoff = initialBackoff;
            }

            public @Nullable Duration getMaxBackoff() {
                return maxBackoff;
            }

            public void setMaxBackoff(@Nullable Duration maxBackoff) {
                this.maxBackoff = maxBackoff;
            }
        }
    }
}
