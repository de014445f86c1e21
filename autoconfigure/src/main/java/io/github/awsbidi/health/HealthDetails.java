package io.github.awsbidi.health;

import io.github.awsbidi.core.Target;
import java.util.LinkedHashMap;
import java.util.Map;

/** The details every session indicator shows: what it checks, never credentials. */
final class HealthDetails {

    private HealthDetails() {}

    static Map<String, Object> of(Target target, String resourceKind) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("service", target.service().tag());
        details.put(resourceKind, target.resource());
        details.put("region", target.region());
        if (target.variant() != null) {
            details.put("variant", target.variant());
        }
        return details;
    }
}
