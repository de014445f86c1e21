package io.github.awsbidi.novasonic;

import io.github.awsbidi.core.InvalidSettingException;
import io.github.awsbidi.novasonic.event.ToolChoice;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checks {@link NovaSonicSettings} runs on its tools and tool choice when built. */
final class ToolsValidation {

    // The service rejects other tool names (observed, PROTOCOL.md section 3).
    private static final Pattern TOOL_NAME = Pattern.compile("^[a-zA-Z0-9_-]{1,64}$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ToolsValidation() {}

    static void validate(List<NovaSonicTool> tools, @Nullable ToolChoice toolChoice) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < tools.size(); i++) {
            NovaSonicTool tool = tools.get(i);
            String field = "tools[" + i + "]";
            require(
                    TOOL_NAME.matcher(tool.name()).matches(),
                    field + ".name",
                    tool.name(),
                    "must match ^[a-zA-Z0-9_-]+$ (1 to 64 letters, digits, '_' or '-'), as Nova Sonic requires of tool names");
            require(names.add(tool.name()), field + ".name", tool.name(), "must be unique (it is declared twice)");
            require(!tool.description().isBlank(), field + ".description", tool.description(), "must not be blank");
            require(
                    isJsonObject(tool.inputSchema()),
                    field + ".inputSchema",
                    tool.inputSchema(),
                    "must be a JSON object (a JSON schema)");
        }
        if (toolChoice instanceof ToolChoice.Tool) {
            String name = ((ToolChoice.Tool) toolChoice).name();
            require(names.contains(name), "toolChoice", name, "must name one of the tools");
        }
        require(toolChoice == null || !tools.isEmpty(), "toolChoice", toolChoice, "needs at least one tool");
    }

    private static boolean isJsonObject(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void require(boolean condition, String field, @Nullable Object value, String limit) {
        InvalidSettingException.require(condition, field, value, limit);
    }
}
