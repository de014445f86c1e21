package io.github.awsbidi.novasonic;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.awsbidi.core.BidirectionalSession;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundary: core is the generic session only. Reads core's build output (its jar, or its
 * classes folder when the reactor resolves to that) from where {@link BidirectionalSession} was loaded.
 */
class ModuleBoundaryTests {

    private static final Map<String, byte[]> CORE_CLASSES = new TreeMap<>();

    @BeforeAll
    static void readCore() throws IOException, URISyntaxException {
        Path location = Path.of(BidirectionalSession.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    CORE_CLASSES.put(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                for (JarEntry entry :
                        jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        CORE_CLASSES.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        assertThat(CORE_CLASSES).as("core's classes at " + location).containsKey("io/github/awsbidi/core/Frame.class");
    }

    @Test
    void coreHoldsNoNovaSonicClasses() {
        assertThat(CORE_CLASSES.keySet()).noneMatch(name -> name.toLowerCase().contains("novasonic"));
    }

    @Test
    void noCoreClassRefersToJacksonOrToThisModule() {
        List<String> offenders = new ArrayList<>();
        CORE_CLASSES.forEach((name, bytes) -> {
            // Class references sit in the constant pool as UTF-8 internal names.
            String constants = new String(bytes, StandardCharsets.ISO_8859_1);
            if (constants.contains("tools/jackson/")
                    || constants.contains("com/fasterxml/jackson/")
                    || constants.contains("io/github/awsbidi/novasonic/")) {
                offenders.add(name);
            }
        });
        assertThat(offenders).isEmpty();
    }

    @Test
    void thisModuleIsWhereTheConversationLives() {
        assertThat(NovaSonic.class.getPackageName()).isEqualTo("io.github.awsbidi.novasonic");
        assertThat(NovaSonic.class.getProtectionDomain().getCodeSource().getLocation())
                .isNotEqualTo(BidirectionalSession.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation());
    }
}
