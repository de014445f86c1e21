package io.github.awsbidi.core.micrometer;

import io.github.awsbidi.core.ErrorKind;
import io.github.awsbidi.core.Target;
import io.github.awsbidi.core.listener.Outcome;
import io.github.awsbidi.core.micrometer.BidiObservationDocumentation.HighCardinalityKeys;
import io.github.awsbidi.core.micrometer.BidiObservationDocumentation.LowCardinalityKeys;
import io.micrometer.common.KeyValues;

/**
 * Names exchange observations {@code aws.bidi.exchange}, tags them with session, service, operation, outcome and
 * error kind, and adds the OpenTelemetry GenAI keys to Bedrock exchanges. Spans are named
 * {@code "<operation> <endpoint or model>"}.
 */
public class DefaultExchangeObservationConvention implements ExchangeObservationConvention {

    /** A shared instance. */
    public static final DefaultExchangeObservationConvention INSTANCE = new DefaultExchangeObservationConvention();

    @Override
    public String getName() {
        return BidiMeterNames.EXCHANGE;
    }

    @Override
    public String getContextualName(ExchangeObservationContext context) {
        Target target = context.exchange().target();
        if (target.service() == Target.Service.BEDROCK) {
            return "chat " + target.resource();
        }
        return target.service().operation() + " " + target.resource();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ExchangeObservationContext context) {
        Target target = context.exchange().target();
        Outcome outcome = context.outcome();
        ErrorKind errorKind = context.errorKind();
        KeyValues values = KeyValues.of(
                LowCardinalityKeys.SESSION.withValue(context.exchange().sessionName()),
                LowCardinalityKeys.SERVICE.withValue(target.service().tag()),
                LowCardinalityKeys.OPERATION.withValue(target.service().operation()),
                LowCardinalityKeys.OUTCOME.withValue(outcome != null ? outcome.tag() : "unknown"),
                LowCardinalityKeys.ERROR_KIND.withValue(
                        errorKind != null ? MeterExchangeListener.errorKindTag(errorKind) : "none"));
        if (target.service() == Target.Service.BEDROCK) {
            values = values.and(
                    LowCardinalityKeys.GEN_AI_PROVIDER_NAME.withValue("aws.bedrock"),
                    LowCardinalityKeys.GEN_AI_OPERATION_NAME.withValue("chat"),
                    LowCardinalityKeys.GEN_AI_REQUEST_MODEL.withValue(target.resource()));
        }
        return values;
    }

    @Override
    public KeyValues getHighCardinalityKeyValues(ExchangeObservationContext context) {
        var exchange = context.exchange();
        KeyValues values = KeyValues.of(
                HighCardinalityKeys.EXCHANGE_ID.withValue(exchange.id()),
                HighCardinalityKeys.TARGET.withValue(exchange.target().resource()),
                HighCardinalityKeys.FRAMES_SENT.withValue(Long.toString(context.framesSent())),
                HighCardinalityKeys.FRAMES_RECEIVED.withValue(Long.toString(context.framesReceived())));
        if (exchange.requestId().isPresent()) {
            values = values.and(HighCardinalityKeys.REQUEST_ID.withValue(
                    exchange.requestId().get()));
        }
        if (exchange.invokedVariant().isPresent()) {
            values = values.and(HighCardinalityKeys.INVOKED_VARIANT.withValue(
                    exchange.invokedVariant().get()));
        }
        return values;
    }
}
