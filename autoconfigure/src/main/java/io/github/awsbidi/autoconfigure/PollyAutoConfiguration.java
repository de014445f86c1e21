package io.github.awsbidi.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configuration of the Polly sessions ({@code aws.bidi.polly.sessions.<name>}), when the aws-bidi-polly module
 * and its AWS SDK are on the classpath. Written against no Polly type itself, so that this module also builds on an
 * AWS SDK without the operation (profile {@code aws-sdk-oldest}); what does use them is imported by name.
 */
@AutoConfiguration(
        after = AwsBidiAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"
        })
@ConditionalOnClass(
        name = {
            "io.github.awsbidi.polly.PollySession",
            "software.amazon.awssdk.services.polly.PollyAsyncClient",
            "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"
        })
@Import(PollyAutoConfiguration.Parts.class)
public final class PollyAutoConfiguration {

    /** The configuration that uses the Polly types. */
    static final class Parts implements ImportSelector {

        @Override
        public String[] selectImports(AnnotationMetadata metadata) {
            return new String[] {"io.github.awsbidi.autoconfigure.polly.PollySessionConfiguration"};
        }
    }
}
