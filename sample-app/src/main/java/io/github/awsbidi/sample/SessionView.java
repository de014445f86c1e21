package io.github.awsbidi.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.awsbidi.core.BidirectionalSession;
import io.github.awsbidi.core.Target;
import org.jspecify.annotations.Nullable;

/**
 * A configured session as JSON.
 *
 * @param name the bean name, as used in {@code /ws/{name}}
 * @param service {@code sagemaker} or {@code bedrock}
 * @param region the AWS region
 * @param resource the SageMaker endpoint name or the Bedrock model id
 * @param variant the SageMaker target variant, if set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionView(
        String name,
        String service,
        String region,
        String resource,
        @Nullable String variant) {

    static SessionView of(BidirectionalSession session) {
        Target target = session.target();
        return new SessionView(
                session.name(), target.service().tag(), target.region(), target.resource(), target.variant());
    }
}
