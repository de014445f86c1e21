package io.github.awsbidi.autoconfigure;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.awsbidi.core.BidiStreamException;
import io.github.awsbidi.core.bedrock.BedrockSessionSettings;
import io.github.awsbidi.core.sagemaker.SageMakerSessionSettings;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.ResolvableType;

/**
 * The sessions configured under {@code aws.bidi.sagemaker.sessions} and {@code aws.bidi.bedrock.sessions}, bound
 * strictly and validated before any bean exists: a missing endpoint name or model id, a header value AWS would
 * reject, an unknown key under a session, or one name used twice fails with an {@link AwsBidiConfigurationException}
 * naming the property.
 */
final class SessionDefinitions {

    static final String SAGEMAKER_PREFIX = "aws.bidi.sagemaker.sessions";

    static final String BEDROCK_PREFIX = "aws.bidi.bedrock.sessions";

    private static final List<String> SAGEMAKER_KEYS = keysOf(AwsBidiProperties.SageMakerSession.class);

    private static final List<String> BEDROCK_KEYS = keysOf(AwsBidiProperties.BedrockSession.class);

    private final List<SageMakerDefinition> sageMaker;

    private final List<BedrockDefinition> bedrock;

    private SessionDefinitions(List<SageMakerDefinition> sageMaker, List<BedrockDefinition> bedrock) {
        this.sageMaker = List.copyOf(sageMaker);
        this.bedrock = List.copyOf(bedrock);
    }

    /** Binds and validates every configured session. */
    static SessionDefinitions bind(Binder binder) {
        Map<String, AwsBidiProperties.SageMakerSession> sageMakerEntries = bindStrictly(binder, SAGEMAKER_PREFIX,
                AwsBidiProperties.SageMakerSession.class, SAGEMAKER_KEYS);
        Map<String, AwsBidiProperties.BedrockSession> bedrockEntries = bindStrictly(binder, BEDROCK_PREFIX,
                AwsBidiProperties.BedrockSession.class, BEDROCK_KEYS);
        List<SageMakerDefinition> sageMaker = new ArrayList<>();
        sageMakerEntries.forEach((name, entry) -> sageMaker.add(sageMaker(name, entry)));
        List<BedrockDefinition> bedrock = new ArrayList<>();
        bedrockEntries.forEach((name, entry) -> {
            if (sageMakerEntries.containsKey(name)) {
                throw new AwsBidiConfigurationException(BEDROCK_PREFIX + "." + name,
                        "Session name '" + name + "' is used by both " + SAGEMAKER_PREFIX + "." + name + " and "
                                + BEDROCK_PREFIX + "." + name + "; each session becomes a bean of that name.",
                        "Rename one of the two sessions.", null);
            }
            bedrock.add(bedrock(name, entry));
        });
        return new SessionDefinitions(sageMaker, bedrock);
    }

    List<SageMakerDefinition> sageMaker() {
        return sageMaker;
    }

    List<BedrockDefinition> bedrock() {
        return bedrock;
    }

    private static SageMakerDefinition sageMaker(String name, AwsBidiProperties.SageMakerSession entry) {
        String prefix = SAGEMAKER_PREFIX + "." + name;
        String endpointName = entry.getEndpointName();
        if (endpointName == null || endpointName.isBlank()) {
            throw new AwsBidiConfigurationException(prefix + ".endpoint-name",
                    "SageMaker session '" + name + "' has no endpoint name: " + prefix + ".endpoint-name is not set.",
                    "Set " + prefix + ".endpoint-name to the name of the SageMaker endpoint to invoke.", null);
        }
        // One field at a time, so that a failure names the property that caused it.
        SageMakerSessionSettings settings = validate(prefix + ".endpoint-name", endpointName,
                () -> SageMakerSessionSettings.of(endpointName));
        settings = validate(prefix + ".target-variant", entry.getTargetVariant(),
                with(settings, s -> s.withTargetVariant(entry.getTargetVariant())));
        settings = validate(prefix + ".model-invocation-path", entry.getModelInvocationPath(),
                with(settings, s -> s.withModelInvocationPath(entry.getModelInvocationPath())));
        settings = validate(prefix + ".model-query-string", entry.getModelQueryString(),
                with(settings, s -> s.withModelQueryString(entry.getModelQueryString())));
        return new SageMakerDefinition(name, settings, region(prefix, entry.getRegion()), entry.getEndpoint());
    }

    private static BedrockDefinition bedrock(String name, AwsBidiProperties.BedrockSession entry) {
        String prefix = BEDROCK_PREFIX + "." + name;
        String modelId = entry.getModelId();
        if (modelId == null || modelId.isBlank()) {
            throw new AwsBidiConfigurationException(prefix + ".model-id",
                    "Bedrock session '" + name + "' has no model id: " + prefix + ".model-id is not set.",
                    "Set " + prefix + ".model-id to the Bedrock model to invoke, e.g. amazon.nova-2-5-sonic or amazon.nova-2-sonic-v1:0.",
                    null);
        }
        BedrockSessionSettings settings = validate(prefix + ".model-id", modelId,
                () -> BedrockSessionSettings.of(modelId));
        return new BedrockDefinition(name, settings, region(prefix, entry.getRegion()), entry.getEndpoint(),
                entry.getNovaSonic());
    }

    private static @Nullable String region(String prefix, @Nullable String region) {
        if (region != null && region.isBlank()) {
            throw new AwsBidiConfigurationException(prefix + ".region", prefix + ".region is empty.",
                    "Remove " + prefix + ".region to use aws.bidi.region, or set it to a region such as eu-west-1.",
                    null);
        }
        return region != null ? region.trim() : null;
    }

    private static <T> Supplier<T> with(T value, UnaryOperator<T> change) {
        return () -> change.apply(value);
    }

    private static <T> T validate(String property, @Nullable String value, Supplier<T> build) {
        try {
            return build.get();
        } catch (BidiStreamException ex) {
            throw new AwsBidiConfigurationException(property,
                    "Invalid value '" + value + "' of " + property + ": " + ex.detail() + ".",
                    "Fix " + property + " to meet AWS's limit, or remove it.", ex);
        }
    }

    private static <T> Map<String, T> bindStrictly(Binder binder, String prefix, Class<T> type, List<String> keys) {
        Bindable<Map<String, T>> target = Bindable.of(ResolvableType.forClassWithGenerics(Map.class, String.class,
                type));
        try {
            return binder.bind(prefix, target, new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                    .orElseGet(LinkedHashMap::new);
        } catch (BindException ex) {
            throw bindFailure(prefix, keys, ex);
        }
    }

    private static AwsBidiConfigurationException bindFailure(String prefix, List<String> keys, BindException ex) {
        if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
            ConfigurationProperty first = unbound.getUnboundProperties().stream()
                    .min(Comparator.comparing(property -> property.getName().toString())).orElseThrow();
            String property = first.getName().toString();
            int others = unbound.getUnboundProperties().size() - 1;
            return new AwsBidiConfigurationException(property, "Unknown property " + property + originOf(first)
                    + (others > 0 ? " (and " + others + " more unknown properties under " + prefix + ")" : "") + ".",
                    unknownKeyAction(prefix, keys, first.getName()), ex);
        }
        ConfigurationProperty property = ex.getProperty();
        String name = property != null ? property.getName().toString() : ex.getName().toString();
        Throwable reason = ex.getCause() != null ? ex.getCause() : ex;
        return new AwsBidiConfigurationException(name, "Cannot bind " + name
                + (property != null ? " (value '" + property.getValue() + "'" + originOf(property) + ")" : "")
                + ": " + reason.getMessage(),
                "Sessions are configured as " + prefix + ".<name>.<key>; fix " + name + ".", ex);
    }

    private static String originOf(ConfigurationProperty property) {
        return property.getOrigin() != null ? " from " + property.getOrigin() : "";
    }

    private static String unknownKeyAction(String prefix, List<String> keys, ConfigurationPropertyName name) {
        ConfigurationPropertyName root = ConfigurationPropertyName.of(prefix);
        int first = root.getNumberOfElements();
        String session = name.getNumberOfElements() > first
                ? name.getElement(first, ConfigurationPropertyName.Form.ORIGINAL) : "<name>";
        // Walk nested groups (e.g. nova-sonic.renewal) so the suggestion comes from the group the key is in.
        String parent = prefix + "." + session;
        Class<?> group = first == 0 ? null : sessionType(prefix);
        List<String> valid = keys;
        int index = first + 1;
        while (group != null && index < name.getNumberOfElements() - 1) {
            Class<?> nested = nestedGroup(group, name.getElement(index, ConfigurationPropertyName.Form.DASHED));
            if (nested == null) {
                break;
            }
            parent = parent + "." + name.getElement(index, ConfigurationPropertyName.Form.DASHED);
            group = nested;
            valid = keysOf(nested);
            index++;
        }
        String key = name.getNumberOfElements() > index ? name.getElement(index, ConfigurationPropertyName.Form.DASHED) : "";
        String suggestion = closest(key, valid);
        String validText = "Valid keys of " + parent + " are " + String.join(", ", valid) + ".";
        return (suggestion != null ? "Did you mean " + parent + "." + suggestion + "? " : "") + validText;
    }

    private static @Nullable Class<?> sessionType(String prefix) {
        return prefix.equals(SAGEMAKER_PREFIX) ? AwsBidiProperties.SageMakerSession.class
                : prefix.equals(BEDROCK_PREFIX) ? AwsBidiProperties.BedrockSession.class : null;
    }

    /** The type of the nested property group of that dashed name, if it is one of ours. */
    private static @Nullable Class<?> nestedGroup(Class<?> type, String dashedName) {
        return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
                .filter(descriptor -> DataObjectPropertyName.toDashedForm(descriptor.getName()).equals(dashedName))
                .map(java.beans.PropertyDescriptor::getPropertyType)
                .filter(propertyType -> propertyType != null && propertyType.getEnclosingClass() != null
                        && propertyType.getName().startsWith(AwsBidiProperties.class.getName()))
                .findFirst().orElse(null);
    }

    /** The dashed names of a session class's properties, as a user writes them. */
    private static List<String> keysOf(Class<?> type) {
        return Arrays.stream(BeanUtils.getPropertyDescriptors(type))
                .filter(descriptor -> descriptor.getReadMethod() != null
                        && descriptor.getReadMethod().getDeclaringClass() != Object.class)
                .map(descriptor -> DataObjectPropertyName.toDashedForm(descriptor.getName()))
                .sorted()
                .toList();
    }

    /** The valid key nearest to {@code key} by edit distance, if it is near enough to be a likely typo. */
    static @Nullable String closest(String key, List<String> keys) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : keys) {
            int distance = editDistance(key, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(3, best.length() / 3) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A validated SageMaker session. */
    record SageMakerDefinition(String name, SageMakerSessionSettings settings, @Nullable String region,
            @Nullable URI endpoint) {
    }

    /**
     * A validated Bedrock session. Its {@code nova-sonic.*} properties stay unbound here (the Nova Sonic module is
     * optional); {@link NovaSonicBeanRegistrar} validates them.
     */
    record BedrockDefinition(String name, BedrockSessionSettings settings, @Nullable String region,
            @Nullable URI endpoint, AwsBidiProperties.NovaSonic novaSonic) {

        /** The prefix of this session's Nova Sonic properties. */
        String novaSonicPrefix() {
            return BEDROCK_PREFIX + "." + name + ".nova-sonic";
        }
    }
}
