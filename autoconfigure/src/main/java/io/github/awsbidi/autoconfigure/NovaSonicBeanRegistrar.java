package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.novasonic.NovaSonic;
import io.github.awsbidi.novasonic.NovaSonicModels;
import io.github.awsbidi.novasonic.NovaSonicSettings;
import io.github.awsbidi.novasonic.NovaSonicTool;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
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
 * none where it is false), with the session's {@code nova-sonic.*} settings, every {@link NovaSonicTool} bean and
 * the {@link NovaSonicCustomizer} beans. The settings are validated while bean definitions are read, so a bad value
 * fails startup naming its property.
 */
class NovaSonicBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    /** Suffix of the {@link NovaSonic} bean registered beside a Bedrock session, e.g. {@code assistantNovaSonic}. */
    static final String NOVA_SONIC_SUFFIX = "NovaSonic";

    private @Nullable Environment environment;

    private @Nullable BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Assert.state(environment != null && beanFactory != null, "environment and bean factory must be set");
        BeanFactory factory = beanFactory;
        for (BedrockDefinition definition : SessionDefinitions.bind(Binder.get(environment)).bedrock()) {
            if (!isNovaSonic(definition)) {
                continue;
            }
            NovaSonicSettings settings = NovaSonicSettingsBinder.settings(definition.novaSonicPrefix(),
                    definition.novaSonic());
            SessionBeanRegistrar.register(registry, definition.name() + NOVA_SONIC_SUFFIX,
                    new RootBeanDefinition(NovaSonic.class, () -> novaSonic(factory, definition, settings)));
        }
    }

    /** The one rule: an explicit {@code nova-sonic.enabled} wins, else the model id decides. */
    static boolean isNovaSonic(BedrockDefinition definition) {
        Boolean enabled = definition.novaSonic().getEnabled();
        return enabled != null ? enabled : NovaSonicModels.isNovaSonic(definition.settings().modelId());
    }

    private static NovaSonic novaSonic(BeanFactory factory, BedrockDefinition definition, NovaSonicSettings defaults) {
        NovaSonicSettings.Builder settings = defaults.toBuilder();
        factory.getBeanProvider(NovaSonicTool.class).orderedStream().forEach(settings::tool);
        factory.getBeanProvider(NovaSonicCustomizer.class).orderedStream()
                .forEach(customizer -> customizer.customize(definition.name(), settings));
        return NovaSonic.create(factory.getBean(definition.name(), BidirectionalSession.class), settings.build());
    }
}
