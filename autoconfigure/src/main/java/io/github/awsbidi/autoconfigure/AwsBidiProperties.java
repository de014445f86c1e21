package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.novasonic.NovaSonicSettings;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
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

    private final Polly polly = new Polly();

    private final Metrics metrics = new Metrics();

    private final Observations observations = new Observations();

    private final Health health = new Health();

    private final Shutdown shutdown = new Shutdown();

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

    public Polly getPolly() {
        return polly;
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

    public Shutdown getShutdown() {
        return shutdown;
    }

    /** Draining of the sessions when the application shuts down. */
    public static class Shutdown {

        /** How long running exchanges may take to finish once the application starts shutting down. */
        private Duration timeout = Duration.ofSeconds(30);

        public Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(Duration timeout) {
            this.timeout = timeout;
        }
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
        private int maxConcurrency = 2000;

        /** Maximum number of streams per HTTP/2 connection; default: 1 for SageMaker, 50 for Bedrock. */
        private @Nullable Long maxStreamsPerConnection;

        /** Number of Netty event-loop threads the streaming clients share; default: the SDK's shared group. */
        private @Nullable Integer eventLoopThreads;

        /** Time a TCP/TLS connect may take. */
        private Duration connectTimeout = Duration.ofSeconds(10);

        /** Time opening a stream may wait for a free connection. */
        private Duration acquireTimeout = Duration.ofSeconds(60);

        /** Idle time after which a connection is dropped; 0 disables it (dead peers are found by pings). */
        private Duration readTimeout = Duration.ZERO;

        /** Time one write may take; 0 disables it. */
        private Duration writeTimeout = Duration.ZERO;

        /** Period of the HTTP/2 PINGs that detect dead connections. */
        @Name("ping-period")
        private Duration healthCheckPingPeriod = Duration.ofSeconds(30);

        /** HTTP/2 receive window per stream: how far the server may send ahead of a slow consumer (the SDK's default). */
        private DataSize initialWindowSize = DataSize.ofMegabytes(1);

        public DataSize getInitialWindowSize() {
            return initialWindowSize;
        }

        public void setInitialWindowSize(DataSize initialWindowSize) {
            this.initialWindowSize = initialWindowSize;
        }

        public int getMaxConcurrency() {
            return maxConcurrency;
        }

        public void setMaxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
        }

        public @Nullable Integer getEventLoopThreads() {
            return eventLoopThreads;
        }

        public void setEventLoopThreads(@Nullable Integer eventLoopThreads) {
            this.eventLoopThreads = eventLoopThreads;
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

        public Duration getHealthCheckPingPeriod() {
            return healthCheckPingPeriod;
        }

        public void setHealthCheckPingPeriod(Duration healthCheckPingPeriod) {
            this.healthCheckPingPeriod = healthCheckPingPeriod;
        }
    }

    /** Limits of every exchange (one HTTP/2 stream) of every session. */
    public static class Exchange {

        /** Largest payload of one frame; larger frames are rejected before sending. */
        @Name("max-frame-size")
        private DataSize maxFrameBytes = DataSize.ofMegabytes(1);

        /** Number of frames an imperative Exchange may buffer ahead of the HTTP/2 flow-control window. */
        private int sendBufferFrames = 32;

        /**
         * Time the service may take to answer a new stream with its response headers; past it the attempt fails as a
         * retryable connection error and is retried like a refused open.
         */
        private Duration openTimeout = Duration.ofSeconds(30);

        public DataSize getMaxFrameBytes() {
            return maxFrameBytes;
        }

        public void setMaxFrameBytes(DataSize maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
        }

        public int getSendBufferFrames() {
            return sendBufferFrames;
        }

        public void setSendBufferFrames(int sendBufferFrames) {
            this.sendBufferFrames = sendBufferFrames;
        }

        public Duration getOpenTimeout() {
            return openTimeout;
        }

        public void setOpenTimeout(Duration openTimeout) {
            this.openTimeout = openTimeout;
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
        private Set<ErrorKind> retryOn = EnumSet.of(
                ErrorKind.THROTTLING,
                ErrorKind.UNAVAILABLE,
                ErrorKind.MODEL_ERROR,
                ErrorKind.MODEL_NOT_READY,
                ErrorKind.CONNECTION);

        /** Payload kept until the service answers, re-sent after a refused open (or any failed open, with replay). */
        @Name("max-replay-size")
        private DataSize maxReplayBytes = DataSize.ofMegabytes(1);

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

        public DataSize getMaxReplayBytes() {
            return maxReplayBytes;
        }

        public void setMaxReplayBytes(DataSize maxReplayBytes) {
            this.maxReplayBytes = maxReplayBytes;
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

    /** Polly StartSpeechSynthesisStream sessions (with the aws-bidi-polly module on the classpath). */
    public static class Polly {

        /** Polly sessions by bean name. */
        private final Map<String, PollySession> sessions = new LinkedHashMap<>();

        public Map<String, PollySession> getSessions() {
            return sessions;
        }
    }

    /** One Polly session: a voice and the audio it speaks in. */
    public static class PollySession {

        /** Voice id, e.g. Joanna; the voice must support the generative engine. */
        private @Nullable String voiceId;

        /** Engine; StartSpeechSynthesisStream accepts only generative. */
        private String engine = "generative";

        /** Audio format: pcm, mp3, ogg_vorbis, ogg_opus, mulaw or alaw. */
        private String outputFormat = "pcm";

        /** Sample rate in Hz, e.g. 16000; default: Polly's default for the output format. */
        private @Nullable Integer sampleRate;

        /** Language of a bilingual voice, e.g. en-IN; default: the voice's own. */
        private @Nullable String languageCode;

        /** Pronunciation lexicons to apply, at most 5. */
        private List<String> lexiconNames = new ArrayList<>();

        /** AWS region of this session; overrides aws.bidi.region. */
        private @Nullable String region;

        /** Endpoint override of this session; overrides aws.bidi.endpoint. */
        private @Nullable URI endpoint;

        public @Nullable String getVoiceId() {
            return voiceId;
        }

        public void setVoiceId(@Nullable String voiceId) {
            this.voiceId = voiceId;
        }

        public String getEngine() {
            return engine;
        }

        public void setEngine(String engine) {
            this.engine = engine;
        }

        public String getOutputFormat() {
            return outputFormat;
        }

        public void setOutputFormat(String outputFormat) {
            this.outputFormat = outputFormat;
        }

        public @Nullable Integer getSampleRate() {
            return sampleRate;
        }

        public void setSampleRate(@Nullable Integer sampleRate) {
            this.sampleRate = sampleRate;
        }

        public @Nullable String getLanguageCode() {
            return languageCode;
        }

        public void setLanguageCode(@Nullable String languageCode) {
            this.languageCode = languageCode;
        }

        public List<String> getLexiconNames() {
            return lexiconNames;
        }

        public void setLexiconNames(List<String> lexiconNames) {
            this.lexiconNames = lexiconNames;
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

    /** Defaults of the Nova Sonic conversations started on a Bedrock session; the defaults are the library's. */
    public static class NovaSonic {

        /**
         * Whether to register the <name>NovaSonic bean for this session; default: when the model id names a Nova
         * Sonic model (amazon.nova-2-5-sonic, amazon.nova-2-sonic-v1:0, ...).
         */
        private @Nullable Boolean enabled;

        /** System prompt, sent as the SYSTEM text block; blank sends none. */
        private String systemPrompt = NovaSonicSettings.DEFAULT_SYSTEM_PROMPT;

        /** Instructions on how to speak, sent as a SYSTEM_SPEECH block after the system prompt; blank sends none. */
        private String speechPrompt = "";

        /** Voice of the assistant's speech, e.g. matthew, tiffany, amy. */
        private String voiceId = "matthew";

        /** Sample rate of the user audio sent, in Hz: 8000, 16000 or 24000. */
        private int inputSampleRate = 16_000;

        /** Sample rate of the assistant audio received, in Hz: 8000, 16000 or 24000. */
        private int outputSampleRate = 24_000;

        /** Largest number of tokens per response, 1 to 10000. */
        private int maxTokens = 1024;

        /** Nucleus sampling, 0 to 1. */
        private double topP = 0.9;

        /** Sampling temperature, 0 to 1. */
        private double temperature = 0.7;

        /** How quickly the model decides the user has finished speaking. */
        private Sensitivity endpointingSensitivity = Sensitivity.MEDIUM;

        private final Renewal renewal = new Renewal();

        private final KeepAlive keepAlive = new KeepAlive();

        private final Recovery recovery = new Recovery();

        public String getSystemPrompt() {
            return systemPrompt;
        }

        public void setSystemPrompt(String systemPrompt) {
            this.systemPrompt = systemPrompt;
        }

        public String getVoiceId() {
            return voiceId;
        }

        public void setVoiceId(String voiceId) {
            this.voiceId = voiceId;
        }

        public int getInputSampleRate() {
            return inputSampleRate;
        }

        public void setInputSampleRate(int inputSampleRate) {
            this.inputSampleRate = inputSampleRate;
        }

        public int getOutputSampleRate() {
            return outputSampleRate;
        }

        public void setOutputSampleRate(int outputSampleRate) {
            this.outputSampleRate = outputSampleRate;
        }

        public int getMaxTokens() {
            return maxTokens;
        }

        public void setMaxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
        }

        public double getTopP() {
            return topP;
        }

        public void setTopP(double topP) {
            this.topP = topP;
        }

        public double getTemperature() {
            return temperature;
        }

        public void setTemperature(double temperature) {
            this.temperature = temperature;
        }

        public @Nullable Boolean getEnabled() {
            return enabled;
        }

        public void setEnabled(@Nullable Boolean enabled) {
            this.enabled = enabled;
        }

        public Sensitivity getEndpointingSensitivity() {
            return endpointingSensitivity;
        }

        public void setEndpointingSensitivity(Sensitivity endpointingSensitivity) {
            this.endpointingSensitivity = endpointingSensitivity;
        }

        /**
         * Endpointing sensitivities, mirrored here so that these properties load without the aws-bidi-novasonic
         * module on the classpath.
         */
        public enum Sensitivity {
            HIGH,
            MEDIUM,
            LOW
        }

        public String getSpeechPrompt() {
            return speechPrompt;
        }

        public void setSpeechPrompt(String speechPrompt) {
            this.speechPrompt = speechPrompt;
        }

        public KeepAlive getKeepAlive() {
            return keepAlive;
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
            private boolean enabled = true;

            /** Stream age from which to hand off at the next turn boundary. */
            private Duration threshold = Duration.ofMinutes(6);

            /** How long after the threshold to hand off even without a turn boundary. */
            private Duration forceAfter = Duration.ofSeconds(90);

            /** Recent user audio replayed to the new stream, 0 to 30 seconds. */
            private Duration audioReplay = Duration.ofSeconds(3);

            /** How long a pre-opened stream may wait before it is re-created. */
            private Duration preOpenedIdleLimit = Duration.ofSeconds(30);

            /** How long before temporary credentials expire the stream is renewed. */
            private Duration credentialsLead = Duration.ofMinutes(5);

            /** How long a stream may go without assistant audio before it is handed off to a fresh one. */
            private Duration assistantSilence = Duration.ofSeconds(90);

            public Duration getCredentialsLead() {
                return credentialsLead;
            }

            public void setCredentialsLead(Duration credentialsLead) {
                this.credentialsLead = credentialsLead;
            }

            public Duration getAssistantSilence() {
                return assistantSilence;
            }

            public void setAssistantSilence(Duration assistantSilence) {
                this.assistantSilence = assistantSilence;
            }

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public Duration getThreshold() {
                return threshold;
            }

            public void setThreshold(Duration threshold) {
                this.threshold = threshold;
            }

            public Duration getForceAfter() {
                return forceAfter;
            }

            public void setForceAfter(Duration forceAfter) {
                this.forceAfter = forceAfter;
            }

            public Duration getAudioReplay() {
                return audioReplay;
            }

            public void setAudioReplay(Duration audioReplay) {
                this.audioReplay = audioReplay;
            }

            public Duration getPreOpenedIdleLimit() {
                return preOpenedIdleLimit;
            }

            public void setPreOpenedIdleLimit(Duration preOpenedIdleLimit) {
                this.preOpenedIdleLimit = preOpenedIdleLimit;
            }
        }

        /**
         * Silence streamed while the caller sends no audio (muted, a tool running), so that the service's limit of
         * about 55 s without audio input does not end the stream.
         */
        public static class KeepAlive {

            /** Whether to stream silence into pauses in the caller's audio. */
            private boolean enabled = true;

            /** Pause in the caller's audio after which silence is streamed, 10 ms to 30 s. */
            private Duration gap = Duration.ofSeconds(1);

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

            public Duration getGap() {
                return gap;
            }

            public void setGap(Duration gap) {
                this.gap = gap;
            }
        }

        /** Restart with history after recoverable errors (idle reset, model timeout, throttling, instability). */
        public static class Recovery {

            /** Whether to recover from recoverable stream errors. */
            private boolean enabled = true;

            /** Most recovery attempts in a row, 0 to 100. */
            private int maxAttempts = 5;

            /** First back-off before recovering; each further attempt doubles it. */
            private Duration initialBackoff = Duration.ofMillis(250);

            /** Longest back-off between recovery attempts. */
            private Duration maxBackoff = Duration.ofSeconds(5);

            public boolean isEnabled() {
                return enabled;
            }

            public void setEnabled(boolean enabled) {
                this.enabled = enabled;
            }

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
        }
    }
}
