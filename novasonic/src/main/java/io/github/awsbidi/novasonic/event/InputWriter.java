package io.github.awsbidi.novasonic.event;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the body of an input event, member by member as Nova Sonic expects them. */
final class InputWriter {

    private InputWriter() {}

    static void write(InputEvent event, ObjectNode body) {
        if (event instanceof InputEvent.SessionStart) {
            InputEvent.SessionStart e = (InputEvent.SessionStart) event;
            ObjectNode inference = body.putObject("inferenceConfiguration");
            inference.put("maxTokens", e.inferenceConfiguration().maxTokens());
            inference.put("topP", e.inferenceConfiguration().topP());
            inference.put("temperature", e.inferenceConfiguration().temperature());
            if (e.turnDetectionConfiguration() != null) {
                body.putObject("turnDetectionConfiguration")
                        .put(
                                "endpointingSensitivity",
                                e.turnDetectionConfiguration()
                                        .endpointingSensitivity()
                                        .name());
            }
        } else if (event instanceof InputEvent.PromptStart) {
            InputEvent.PromptStart e = (InputEvent.PromptStart) event;
            body.put("promptName", e.promptName());
            body.putObject("textOutputConfiguration")
                    .put("mediaType", e.textOutputConfiguration().mediaType());
            writeAudioOutput(e.audioOutputConfiguration(), body.putObject("audioOutputConfiguration"));
            if (e.toolUseOutputConfiguration() != null) {
                body.putObject("toolUseOutputConfiguration")
                        .put("mediaType", e.toolUseOutputConfiguration().mediaType());
            }
            if (e.toolConfiguration() != null) {
                writeTools(e.toolConfiguration(), body.putObject("toolConfiguration"));
            }
        } else if (event instanceof InputEvent.ContentStart) {
            InputEvent.ContentStart e = (InputEvent.ContentStart) event;
            body.put("promptName", e.promptName());
            body.put("contentName", e.contentName());
            body.put("type", wire(e.type()));
            body.put("interactive", e.interactive());
            body.put("role", wire(e.role()));
            writeConfiguration(e.configuration(), body);
        } else if (event instanceof InputEvent.TextInput) {
            InputEvent.TextInput e = (InputEvent.TextInput) event;
            writeContent(body, e.promptName(), e.contentName(), e.content());
        } else if (event instanceof InputEvent.AudioInput) {
            InputEvent.AudioInput e = (InputEvent.AudioInput) event;
            writeContent(body, e.promptName(), e.contentName(), e.content());
        } else if (event instanceof InputEvent.ToolResult) {
            InputEvent.ToolResult e = (InputEvent.ToolResult) event;
            writeContent(body, e.promptName(), e.contentName(), e.content());
        } else if (event instanceof InputEvent.ContentEnd) {
            InputEvent.ContentEnd e = (InputEvent.ContentEnd) event;
            body.put("promptName", e.promptName());
            body.put("contentName", e.contentName());
        } else if (event instanceof InputEvent.PromptEnd) {
            body.put("promptName", ((InputEvent.PromptEnd) event).promptName());
        }
        // SessionEnd has an empty body.
    }

    private static void writeContent(ObjectNode body, String promptName, String contentName, String content) {
        body.put("promptName", promptName);
        body.put("contentName", contentName);
        body.put("content", content);
    }

    private static void writeAudioOutput(AudioOutputConfiguration audio, ObjectNode node) {
        node.put("mediaType", audio.mediaType());
        node.put("sampleRateHertz", audio.sampleRateHertz());
        node.put("sampleSizeBits", audio.sampleSizeBits());
        node.put("channelCount", audio.channelCount());
        node.put("voiceId", audio.voiceId());
        node.put("encoding", audio.encoding());
        node.put("audioType", audio.audioType());
    }

    private static void writeTools(ToolConfiguration tools, ObjectNode node) {
        ToolChoice choice = tools.toolChoice();
        if (choice != null) {
            ObjectNode choiceNode = node.putObject("toolChoice");
            if (choice instanceof ToolChoice.Tool) {
                choiceNode.putObject("tool").put("name", ((ToolChoice.Tool) choice).name());
            } else {
                choiceNode.putObject(choice instanceof ToolChoice.Any ? "any" : "auto");
            }
        }
        ArrayNode specs = node.putArray("tools");
        for (ToolSpec tool : tools.tools()) {
            ObjectNode spec = specs.addObject().putObject("toolSpec");
            spec.put("name", tool.name());
            spec.put("description", tool.description());
            spec.putObject("inputSchema").put("json", tool.inputSchemaJson());
        }
    }

    private static void writeConfiguration(ContentConfiguration configuration, ObjectNode body) {
        if (configuration instanceof TextInputConfiguration) {
            body.putObject("textInputConfiguration")
                    .put("mediaType", ((TextInputConfiguration) configuration).mediaType());
        } else if (configuration instanceof AudioInputConfiguration) {
            AudioInputConfiguration audio = (AudioInputConfiguration) configuration;
            ObjectNode node = body.putObject("audioInputConfiguration");
            node.put("mediaType", audio.mediaType());
            node.put("sampleRateHertz", audio.sampleRateHertz());
            node.put("sampleSizeBits", audio.sampleSizeBits());
            node.put("channelCount", audio.channelCount());
            node.put("audioType", audio.audioType());
            node.put("encoding", audio.encoding());
        } else {
            ToolResultInputConfiguration tool = (ToolResultInputConfiguration) configuration;
            ObjectNode node = body.putObject("toolResultInputConfiguration");
            node.put("toolUseId", tool.toolUseId());
            node.put("type", wire(tool.type()));
            node.putObject("textInputConfiguration")
                    .put("mediaType", tool.textInputConfiguration().mediaType());
        }
    }

    private static String wire(Enum<?> value) {
        if (value.name().equals("UNKNOWN")) {
            throw new IllegalArgumentException(
                    value.getDeclaringClass().getSimpleName() + ".UNKNOWN cannot be sent to Nova Sonic");
        }
        return value.name();
    }
}
