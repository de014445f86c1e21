package io.github.awsbidi.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports an {@link AwsBidiConfigurationException} as a startup failure naming the property and the fix. Ordered
 * first so that Boot's generic binding analyzers do not report the binding error it wraps instead.
 */
class AwsBidiConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<AwsBidiConfigurationException>
        implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AwsBidiConfigurationException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
