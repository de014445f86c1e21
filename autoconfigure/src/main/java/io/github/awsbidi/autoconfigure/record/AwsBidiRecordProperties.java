package io.github.awsbidi.autoconfigure.record;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recording of exchanges as cassettes ({@code aws.bidi.record.*}), off unless a directory is set. Recordings hold
 * the frames' payloads (audio, transcripts, prompts) but never credentials or signatures.
 */
@ConfigurationProperties("aws.bidi.record")
public class AwsBidiRecordProperties {

    /** Directory that every session's exchanges are recorded into, one cassette file per exchange; off when unset. */
    private @Nullable Path dir;

    /** Per-session recording, by session name; wins over dir for that session. */
    private final Map<String, Session> sessions = new LinkedHashMap<>();

    public @Nullable Path getDir() {
        return dir;
    }

    public void setDir(@Nullable Path dir) {
        this.dir = dir;
    }

    public Map<String, Session> getSessions() {
        return sessions;
    }

    /** Whether any exchange is recorded. */
    boolean isRecording() {
        return dir != null || sessions.values().stream().anyMatch(session -> session.getDir() != null);
    }

    /** Recording of one session. */
    public static class Session {

        /** Directory that this session's exchanges are recorded into. */
        private @Nullable Path dir;

        public @Nullable Path getDir() {
            return dir;
        }

        public void setDir(@Nullable Path dir) {
            this.dir = dir;
        }
    }
}
