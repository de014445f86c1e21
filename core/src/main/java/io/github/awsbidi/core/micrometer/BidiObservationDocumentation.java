package io.github.awsbidi.core.micrometer;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/** The observations sessions make, with their documented keys. */
public enum BidiObservationDocumentation implements ObservationDocumentation {

    /** One bidirectional exchange: from the first attempt to open its stream until it ends. */
    EXCHANGE {
        @Override
        public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
            return DefaultExchangeObservationConvention.class;
        }

        @Override
        public KeyName[] getLowCardinalityKeyNames() {
            return LowCardinalityKeys.values();
        }

        @Override
        public KeyName[] getHighCardinalityKeyNames() {
            return HighCardinalityKeys.values();
        }
    };

    /** Tags: few distinct values each. */
    public enum LowCardinalityKeys implements KeyName {
        /** The session's name. */
        SESSION {
            public String asString() {
                return BidiMeterNames.TAG_SESSION;
            }
        },
        /** {@code sagemaker} or {@code bedrock}. */
        SERVICE {
            public String asString() {
                return BidiMeterNames.TAG_SERVICE;
            }
        },
        /** The AWS operation, e.g. {@code InvokeModelWithBidirectionalStream}. */
        OPERATION {
            public String asString() {
                return "operation";
            }
        },
        /** {@code completed}, {@code cancelled} or {@code error}. */
        OUTCOME {
            public String asString() {
                return BidiMeterNames.TAG_OUTCOME;
            }
        },
        /** The error kind in lower case, or {@code none}. */
        ERROR_KIND {
            public String asString() {
                return BidiMeterNames.TAG_ERROR_KIND;
            }
        },
        /** OpenTelemetry GenAI: {@code aws.bedrock} (Bedrock exchanges only). */
        GEN_AI_PROVIDER_NAME {
            public String asString() {
                return "gen_ai.provider.name";
            }
        },
        /** OpenTelemetry GenAI: the operation, {@code chat} for speech-to-speech (Bedrock exchanges only). */
        GEN_AI_OPERATION_NAME {
            public String asString() {
                return "gen_ai.operation.name";
            }
        },
        /** OpenTelemetry GenAI: the model id (Bedrock exchanges only). */
        GEN_AI_REQUEST_MODEL {
            public String asString() {
                return "gen_ai.request.model";
            }
        }
    }

    /** Span attributes only, never metric tags: unbounded values. */
    public enum HighCardinalityKeys implements KeyName {
        /** The exchange's id. */
        EXCHANGE_ID {
            public String asString() {
                return "aws.bidi.exchange.id";
            }
        },
        /** The AWS request id, once known. */
        REQUEST_ID {
            public String asString() {
                return "aws.request_id";
            }
        },
        /** The SageMaker endpoint name or Bedrock model id. */
        TARGET {
            public String asString() {
                return "aws.bidi.target";
            }
        },
        /** The SageMaker production variant that served the exchange, once known. */
        INVOKED_VARIANT {
            public String asString() {
                return "aws.sagemaker.invoked_variant";
            }
        },
        /** Frames sent. */
        FRAMES_SENT {
            public String asString() {
                return "aws.bidi.frames.sent";
            }
        },
        /** Frames received. */
        FRAMES_RECEIVED {
            public String asString() {
                return "aws.bidi.frames.received";
            }
        }
    }
}
