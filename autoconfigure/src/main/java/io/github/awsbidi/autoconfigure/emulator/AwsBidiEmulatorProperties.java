package io.github.awsbidi.autoconfigure.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Configuration of the embedded emulator ({@code aws.bidi.emulator.*}), a development and test stand-in for AWS that
 * every session is pointed at when enabled.
 */
@ConfigurationProperties("aws.bidi.emulator")
public class AwsBidiEmulatorProperties {

    /** Whether to start the embedded emulator (aws-bidi-emulator on the classpath) and connect every session to it. */
    private boolean enabled;

    /** Whether the emulator serves TLS (self-signed, trusted by the clients) instead of plaintext h2c. */
    private boolean tls;

    /** Port of the emulator; 0 picks a free one. */
    private int port;

    /** Emulator configuration JSON (endpoints, models, faults); default: built-in echo, transcribe-sim, Nova Sonic. */
    private @Nullable Resource configFile;

    /** Directories of recorded exchanges (cassettes, *.jsonl) served under their recorded endpoints and models. */
    private List<Path> cassettes = new ArrayList<>();

    /** How requests must match the cassettes' recorded ones: exact, shape (types and sizes) or ignore. */
    private String cassetteMatching = "shape";

    /** Factor on the cassettes' recorded delays: 1 replays at recorded pace, 0 as fast as possible. */
    private double cassetteTimeScale = 1.0;

    public List<Path> getCassettes() {
        return cassettes;
    }

    public void setCassettes(List<Path> cassettes) {
        this.cassettes = cassettes;
    }

    public String getCassetteMatching() {
        return cassetteMatching;
    }

    public void setCassetteMatching(String cassetteMatching) {
        this.cassetteMatching = cassetteMatching;
    }

    public double getCassetteTimeScale() {
        return cassetteTimeScale;
    }

    public void setCassetteTimeScale(double cassetteTimeScale) {
        this.cassetteTimeScale = cassetteTimeScale;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isTls() {
        return tls;
    }

    public void setTls(boolean tls) {
        this.tls = tls;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public @Nullable Resource getConfigFile() {
        return configFile;
    }

    public void setConfigFile(@Nullable Resource configFile) {
        this.configFile = configFile;
    }
}
