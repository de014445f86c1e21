package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.autoconfigure.SessionDefinitions.SageMakerDefinition;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * Registers one bean per configured session, named after its key and typed {@link SageMakerSession} or
 * {@link BedrockSession}, so it can be injected by {@code @Qualifier("<name>")}, by type when it is the only one,
 * and as {@code BidirectionalSession}. Runs while bean definitions are read, so bad properties fail before any bean
 * is created. A bean the application already defines under the same name wins and the entry is skipped. The
 * {@code <name>NovaSonic} clients are {@link NovaSonicBeanRegistrar}'s.
 */
class SessionBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {

    private static final Log logger = LogFactory.getLog(SessionBeanRegistrar.class);

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
        SessionDefinitions definitions = SessionDefinitions.bind(Binder.get(environment));
        for (SageMakerDefinition definition : definitions.sageMaker()) {
            register(registry, definition.name(), new RootBeanDefinition(SageMakerSession.class,
                    () -> factory.getBean(SessionFactory.class).sageMaker(definition)));
        }
        for (BedrockDefinition definition : definitions.bedrock()) {
            register(registry, definition.name(), new RootBeanDefinition(BedrockSession.class,
                    () -> factory.getBean(SessionFactory.class).bedrock(definition)));
        }
    }

    static void register(BeanDefinitionRegistry registry, String name, RootBeanDefinition definition) {
        if (registry.containsBeanDefinition(name)) {
            logger.info("Skipping aws.bidi session '" + name + "': the application defines a bean of that name");
            return;
        }
        definition.setDescription("aws.bidi session '" + name + "'");
        registry.registerBeanDefinition(name, definition);
    }
}
