package io.github.awsbidi.autoconfigure;

import io.github.awsbidi.autoconfigure.SessionDefinitions.BedrockDefinition;
import io.github.awsbidi.autoconfigure.SessionDefinitions.SageMakerDefinition;
import io.github.awsbidi.core.bedrock.BedrockSession;
import io.github.awsbidi.core.sagemaker.SageMakerSession;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
 * Registers one bean per configured session, named after its key and typed {@link SageMakerSession} or
 * {@link BedrockSession}, so it can be injected by {@code @Qualifier("<name>")}, by type when it is the only one,
 * and as {@code BidirectionalSession}. Runs while bean definitions are read, so bad properties (any unknown
 * {@code aws.bidi} key included) fail before any bean is created. A bean the application already defines under the
 * same name wins and the entry is skipped. The {@code <name>NovaSonic} clients are {@link NovaSonicBeanRegistrar}'s.
 * <p>
 * Each definition names a factory method of the {@link SessionFactory} bean and the session's name as its argument,
 * never an instance supplier, so ahead-of-time processing can write it as code.
 */
class SessionBeanRegistrar implements ImportBeanDefinitionRegistrar, EnvironmentAware {

    /** The name of the {@link SessionFactory} bean whose factory methods create the sessions. */
    static final String SESSION_FACTORY = "awsBidiSessionFactory";

    private static final Log logger = LogFactory.getLog(SessionBeanRegistrar.class);

    private @Nullable Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
        Assert.state(environment != null, "environment must be set");
        SessionDefinitions definitions = SessionDefinitions.bind(Binder.get(environment));
        for (SageMakerDefinition definition : definitions.sageMaker()) {
            register(registry, definition.name(), definition(SageMakerSession.class, "sageMaker", definition.name()));
        }
        for (BedrockDefinition definition : definitions.bedrock()) {
            register(registry, definition.name(), definition(BedrockSession.class, "bedrock", definition.name()));
        }
    }

    private static RootBeanDefinition definition(Class<?> type, String factoryMethod, String sessionName) {
        return definition(SESSION_FACTORY, type, factoryMethod, sessionName);
    }

    /** A definition of a bean made by {@code factoryMethod} of the bean {@code factoryBean}, given the session name. */
    static RootBeanDefinition definition(String factoryBean, Class<?> type, String factoryMethod, String sessionName) {
        RootBeanDefinition definition = new RootBeanDefinition();
        definition.setTargetType(type);
        definition.setFactoryBeanName(factoryBean);
        definition.setFactoryMethodName(factoryMethod);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, sessionName);
        return definition;
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
