package io.github.awsbidi.novasonic;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Nova Sonic model ids this library knows, and the one rule that says whether a model id names a Nova Sonic
 * model. Model ids stay open strings: a new Nova Sonic version needs no release of this library.
 */
public final class NovaSonicModels {

    /** Amazon Nova 2.5 Sonic, generally available since October 2026 (invoked with no version suffix). */
    public static final String NOVA_2_5_SONIC = "amazon.nova-2-5-sonic";

    /** Amazon Nova 2 Sonic. */
    public static final String NOVA_2_SONIC = "amazon.nova-2-sonic-v1:0";

    // nova-sonic, nova-2-sonic, nova-2-5-sonic, and later versions of the same shape; with or without a regional
    // inference-profile prefix (us.amazon.…) or a version suffix (…-v1:0).
    private static final Pattern NOVA_SONIC = Pattern.compile("(^|[.:/])nova-(\\d+-)*sonic([-:.]|$)");

    private NovaSonicModels() {}

    /** Whether {@code modelId} (a model id, inference profile id or ARN) names a Nova Sonic model. */
    public static boolean isNovaSonic(String modelId) {
        return NOVA_SONIC.matcher(modelId.toLowerCase(Locale.ROOT)).find();
    }
}
