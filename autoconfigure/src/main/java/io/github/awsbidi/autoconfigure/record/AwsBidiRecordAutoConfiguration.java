package io.github.awsbidi.autoconfigure.record;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.core.record.CassetteRecorder;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Records the exchanges of the sessions {@code aws.bidi.record.*} names as cassettes, through a
 * {@link CassetteRecorder} listener that the session factory picks up like any other
 * {@link io.github.awsbidi.core.listener.ExchangeListener} bean. Active only when a directory is set.
 */
@AutoConfiguration(before = AwsBidiAutoConfiguration.class)
@ConditionalOnClass(CassetteRecorder.class)
@Conditional(AwsBidiRecordAutoConfiguration.OnRecording.class)
@EnableConfigurationProperties(AwsBidiRecordProperties.class)
public final class AwsBidiRecordAutoConfiguration {

    private static final Log logger = LogFactory.getLog(AwsBidiRecordAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    CassetteRecorder awsBidiCassetteRecorder(AwsBidiRecordProperties properties) {
        Map<String, Path> bySession = new LinkedHashMap<>();
        properties.getSessions().forEach((name, session) -> {
            if (session.getDir() != null) {
                bySession.put(name, session.getDir());
            }
        });
        CassetteRecorder recorder = CassetteRecorder.perSession(bySession, properties.getDir());
        logger.info("Recording aws.bidi exchanges as cassettes: " + recorder
                + " (aws.bidi.record.*); the files hold the frames' payloads");
        return recorder;
    }

    /** Matches when {@code aws.bidi.record.dir} or any {@code aws.bidi.record.sessions.<name>.dir} is set. */
    static final class OnRecording extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean recording = Binder.get(context.getEnvironment())
                    .bind("aws.bidi.record", AwsBidiRecordProperties.class)
                    .map(AwsBidiRecordProperties::isRecording)
                    .orElse(false);
            return recording
                    ? ConditionOutcome.match("aws.bidi.record directory set")
                    : ConditionOutcome.noMatch("no aws.bidi.record directory set");
        }
    }
}
