package io.github.awsbidi.autoconfigure.emulator;

import io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration;
import io.github.awsbidi.autoconfigure.AwsBidiConfigurationException;
import io.github.awsbidi.autoconfigure.AwsBidiConnectionDetails;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.emulator.BidiEmulator;
import io.github.awsbidi.emulator.EmulatorConfig;
import io.github.awsbidi.emulator.config.Cassettes;
import io.github.awsbidi.emulator.config.EmulatorConfigReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * Development-time auto-configuration that starts the embedded {@link BidiEmulator} and points every session at it,
 * through {@link AwsBidiConnectionDetails} that win over {@code aws.bidi.*} properties. Active only when the emulator
 * is on the classpath and {@code aws.bidi.emulator.enabled=true}; the emulator stops with the context.
 */
@AutoConfiguration(before = AwsBidiAutoConfiguration.class)
@ConditionalOnClass({BidiEmulator.class, BidirectionalSession.class})
@ConditionalOnBooleanProperty("aws.bidi.emulator.enabled")
@EnableConfigurationProperties(AwsBidiEmulatorProperties.class)
public final class AwsBidiEmulatorAutoConfiguration {

    private static final Log logger = LogFactory.getLog(AwsBidiEmulatorAutoConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    BidiEmulator awsBidiEmulator(AwsBidiEmulatorProperties properties) {
        EmulatorConfig.Builder config = (properties.getConfigFile() != null
                        ? read(properties.getConfigFile())
                        : EmulatorConfig.defaults())
                .toBuilder();
        properties.getCassettes().forEach(config::cassetteDirectory);
        config.cassettes(cassettes -> cassettes
                .withMatching(matching(properties.getCassetteMatching()))
                .withTimeScale(properties.getCassetteTimeScale()));
        BidiEmulator emulator = BidiEmulator.start(
                config.port(properties.getPort()).tls(properties.isTls()).build());
        logger.info("Started the embedded AWS bidi emulator at " + emulator.endpoint()
                + "; every aws.bidi session connects to it (aws.bidi.emulator.enabled=true)");
        return emulator;
    }

    @Bean
    @ConditionalOnMissingBean(AwsBidiConnectionDetails.class)
    AwsBidiConnectionDetails awsBidiEmulatorConnectionDetails(BidiEmulator emulator) {
        return new EmulatorConnectionDetails(emulator);
    }

    private static Cassettes.Matching matching(String value) {
        try {
            return Cassettes.Matching.parse(value, "aws.bidi.emulator.cassette-matching");
        } catch (IllegalArgumentException ex) {
            throw new AwsBidiConfigurationException(
                    "aws.bidi.emulator.cassette-matching",
                    ex.getMessage() + ".",
                    "Set aws.bidi.emulator.cassette-matching to exact, shape or ignore.",
                    ex);
        }
    }

    private static EmulatorConfig read(Resource resource) {
        try {
            return EmulatorConfigReader.parse(resource.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("Cannot read aws.bidi.emulator.config-file " + resource, ex);
        }
    }
}
