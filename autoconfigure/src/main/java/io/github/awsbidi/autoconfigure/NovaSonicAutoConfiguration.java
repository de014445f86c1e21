package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.novasonic.NovaSonic;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of the {@code <name>NovaSonic} clients beside the Bedrock sessions of
 * {@link AwsBidiAutoConfiguration}: only when the aws-bidi-novasonic module is on the classpath, and only for
 * sessions whose model is a Nova Sonic model or that set {@code nova-sonic.enabled=true}.
 */
@AutoConfiguration(after = AwsBidiAutoConfiguration.class)
@ConditionalOnClass({ NovaSonic.class, BidirectionalSession.class, BedrockRuntimeAsyncClient.class,
        NettyNioAsyncHttpClient.class })
@Import(NovaSonicBeanRegistrar.class)
public final class NovaSonicAutoConfiguration {
}
