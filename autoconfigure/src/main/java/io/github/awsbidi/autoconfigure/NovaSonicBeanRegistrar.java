package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicModels;
import io.github.awsbidi.novasonic.NovaSonicTool;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;

/**
 * Registers a {@link NovaSonic} client named {@code <name>NovaSonic} beside each Bedrock session whose model is a
 * Nova Sonic model ({@link NovaSonicModels#isNovaSonic(String)}) or whose {@code nova-sonic.enabled} is true (and
 * none where it is false), made by {@link NovaSonicFactory} with the session's {@code nova-sonic.*} settings, every
 * {@link NovaSonicTool} bean and the {@link NovaSonicCustomizer} beans. The settings are validated while bean
 * definitions are read, so a bad value fails startup naming its property. Each definition names the factory's method
 * and the session's name, never an instance supplier, so ahead-of-time processing can write it as code.
 */
class NovaSonicBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    /** Suffix of the {@link NovaSonic} bean registered beside a Bedrock session, e.g. {@code assistantNovaSonic}. */
    static final String NOVA_SONIC_SUFFIX = "NovaSonic";

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Assert.state(environment != null, "environment must be set");
        for (BedrockDefinition definition :
                SessionDefinitions.bind(Binder.get(environment)).bedrock()) {
            if (!isNovaSonic(definition)) {
                continue;
            }
            String name = definition.name();
            NovaSonicSettingsBinder.settings(definition.novaSonicPrefix(), definition.novaSonic());
            RootBeanDefinition novaSonic =
                    SessionBeanRegistrar.definition(NovaSonicFactory.BEAN_NAME, NovaSonic.class, "novaSonic", name);
            // On the bean of the session's name, which may be the application's own.
            novaSonic.getConstructorArgumentValues().addIndexedArgumentValue(1, new RuntimeBeanReference(name));
            SessionBeanRegistrar.register(registry, name + NOVA_SONIC_SUFFIX, novaSonic);
        }
    }

    /** The one rule: an explicit {@code nova-sonic.enabled} wins, else the model id decides. */
    static boolean isNovaSonic(BedrockDefinition definition) {
        Boolean enabled = definition.novaSonic().getEnabled();
        return enabled != null
                ? enabled
                : NovaSonicModels.isNovaSonic(definition.settings().modelId());
    }
}
