package io.github.awsbidi.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.awsbidi.realtime.protocol.ClientEvents;
import io.github.awsbidi.realtime.protocol.FunctionTool;
import io.github.awsbidi.realtime.protocol.RealtimeJson;
import io.github.awsbidi.realtime.protocol.SessionPatch;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a client secret binds: each covered field on its own, whatever the key order, small whatever the size. */
class SessionBindingTests {

    private static SessionPatch session(String json) {
        return ClientEvents.sessionConfiguration(RealtimeJson.MAPPER.readTree(json));
    }

    @Test
    void theDigestIsSmallAndReadsBack() {
        SessionBinding binding = SessionBinding.of(session("{\"instructions\":\"" + "long ".repeat(10_000)
                + "\",\"tools\":[{\"type\":\"function\",\"name\":\"f\",\"parameters\":{\"type\":\"object\"}}]}"));
        assertThat(binding.digest()).hasSizeLessThan(80).doesNotContain("long");
        assertThat(SessionBinding.parse(binding.digest())).isEqualTo(binding);
        SessionBinding none = SessionBinding.of(null, null, null);
        assertThat(none.instructions()).isEqualTo(SessionBinding.SERVER_INSTRUCTIONS);
        assertThat(SessionBinding.parse(none.digest())).isEqualTo(none);
        assertThatThrownBy(() -> SessionBinding.parse("d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionBinding.parse("v1.-.x.y")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCoveredFieldIsComparedOnItsOwnAndKeyOrderDoesNotMatter() {
        SessionBinding binding =
                SessionBinding.of(session("{\"instructions\":\"Be brief.\",\"tool_choice\":\"required\","
                        + "\"tools\":[{\"type\":\"function\",\"name\":\"f\",\"description\":\"d\",\"parameters\":{\"type\":"
                        + "\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"number\"}}}}]}"));
        SessionPatch same = session("{\"tools\":[{\"parameters\":{\"properties\":{\"b\":{\"type\":\"number\"},\"a\":"
                + "{\"type\":\"string\"}},\"type\":\"object\"},\"description\":\"d\",\"name\":\"f\",\"type\":"
                + "\"function\"}],\"instructions\":\"Be brief.\",\"tool_choice\":\"required\",\"audio\":{\"output\":"
                + "{\"voice\":\"marin\"}}}");
        assertThat(binding.refusedField(same)).isNull();
        assertThat(binding.unmetField(same.instructions(), same.tools(), same.toolChoice()))
                .isNull();
        // Fields an update leaves out are not looked at; those it sets are.
        assertThat(binding.refusedField(session("{\"audio\":{\"output\":{\"voice\":\"ash\"}}}")))
                .isNull();
        assertThat(binding.refusedField(session("{\"instructions\":\"Be long.\"}")))
                .isEqualTo("session.instructions");
        assertThat(binding.refusedField(session("{\"tools\":[]}"))).isEqualTo("session.tools");
        assertThat(binding.refusedField(session("{\"tool_choice\":\"auto\"}"))).isEqualTo("session.tool_choice");
        // A session that has not sent the configuration yet may not run.
        assertThat(binding.unmetField(null, List.of(), "auto")).isEqualTo("session.instructions");
        assertThat(binding.unmetField("Be brief.", List.of(), "required")).isEqualTo("session.tools");
    }

    @Test
    void absentFieldsBindTheServersInstructionsNoToolsAndAuto() {
        SessionBinding empty = SessionBinding.of(session("{}"));
        assertThat(empty.unmetField(null, List.of(), "auto")).isNull();
        assertThat(empty.refusedField(session("{\"tools\":[],\"tool_choice\":\"auto\"}")))
                .isNull();
        assertThat(empty.refusedField(session("{\"instructions\":\"\"}"))).isEqualTo("session.instructions");
        assertThat(empty.unmetField(
                        null,
                        List.of(new FunctionTool("function", "f", "f", RealtimeJson.MAPPER.createObjectNode())),
                        "auto"))
                .isEqualTo("session.tools");
    }
}
