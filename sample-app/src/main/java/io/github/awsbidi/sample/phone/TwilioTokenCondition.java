package io.github.awsbidi.sample.phone;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code sample.twilio.auth-token} is set: without it nobody could tell Twilio from anyone else. */
final class TwilioTokenCondition implements Condition {

    static final String PROPERTY = "sample.twilio.auth-token";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String token = context.getEnvironment().getProperty(PROPERTY);
        return token != null && !token.isBlank();
    }

    /** The opposite: the phone endpoints are off. */
    static final class Missing implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new TwilioTokenCondition().matches(context, metadata);
        }
    }
}
