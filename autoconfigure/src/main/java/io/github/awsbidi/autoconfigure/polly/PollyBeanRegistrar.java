package io.github.awsbidi.autoconfigure.polly;

import io.github.awsbidi.autoconfigure.AwsBidiProperties;
import io.github.awsbidi.polly.PollySession;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.Assert;

/**
 * Registers one {@link PollySession} bean per {@code aws.bidi.polly.sessions.<name>}, named after its key, after
 * validating its settings (a wrong engine, format or rate fails startup naming its property). The keys were bound
 * strictly, and the names checked against the other sessions', by the main session registrar. A bean the application
 * defines under the same name wins. Each definition names the factory's method and the session's name, so
 * ahead-of-time processing can write it as code.
 */
class PollyBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    static final String PREFIX = "aws.bidi.polly.sessions";

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Assert.state(environment != null, "environment must be set");
        AwsBidiProperties.Polly polly = bind(environment);
        polly.getSessions().forEach((name, entry) -> {
            PollySettingsBinder.settings(PREFIX + "." + name, entry);
            if (registry.containsBeanDefinition(name)) {
                return; // the application's own bean wins
            }
            RootBeanDefinition definition = new RootBeanDefinition();
            definition.setTargetType(PollySession.class);
            definition.setFactoryBeanName(PollySessionFactory.BEAN_NAME);
            definition.setFactoryMethodName("polly");
            definition.getConstructorArgumentValues().addIndexedArgumentValue(0, name);
            definition.setDescription("aws.bidi Polly session '" + name + "'");
            registry.registerBeanDefinition(name, definition);
        });
    }

    static AwsBidiProperties.Polly bind(Environment environment) {
        return Binder.get(environment)
                .bind("aws.bidi.polly", AwsBidiProperties.Polly.class)
                .orElseGet(AwsBidiProperties.Polly::new);
    }
}
