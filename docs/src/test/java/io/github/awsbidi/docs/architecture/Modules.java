package io.github.awsbidi.docs.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The project's modules as the rules name them: each with its packages and one class of its own, whose code source
 * (the module's jar, or its classes folder) tells which module a class was loaded from.
 */
enum Modules {
    EMULATOR("io.github.awsbidi.emulator.BidiEmulator", "io.github.awsbidi.emulator.."),
    CORE("io.github.awsbidi.core.BidirectionalSession", "io.github.awsbidi.core.."),
    NOVASONIC("io.github.awsbidi.novasonic.NovaSonic", "io.github.awsbidi.novasonic.."),
    POLLY("io.github.awsbidi.polly.PollySession", "io.github.awsbidi.polly.."),
    REALTIME("io.github.awsbidi.realtime.RealtimeSession", "io.github.awsbidi.realtime.."),
    TESTCONTAINERS("io.github.awsbidi.testcontainers.BidiEmulatorContainer", "io.github.awsbidi.testcontainers.."),
    // The health indicators (no Boot conditions in them) have their own top-level package, as in Spring Boot.
    AUTOCONFIGURE(
            "io.github.awsbidi.autoconfigure.AwsBidiAutoConfiguration",
            "io.github.awsbidi.autoconfigure..",
            "io.github.awsbidi.health.."),
    LOAD("io.github.awsbidi.load.LoadMain", "io.github.awsbidi.load.."),
    BENCHMARKS("io.github.awsbidi.benchmarks.BenchmarkMain", "io.github.awsbidi.benchmarks..");

    /** The sample app's packages: a module nothing depends on, so it is not on this module's class path. */
    static final String SAMPLE_APP = "io.github.awsbidi.sample..";

    /** Every class this project ships or runs; the rules import these from the class path. */
    static final String ROOT = "io.github.awsbidi";

    private final String anchor;
    private final String[] packages;
    private @Nullable String location;

    Modules(String anchor, String... packages) {
        this.anchor = anchor;
        this.packages = packages;
    }

    String[] packages() {
        return packages.clone();
    }

    /** Where this module's classes are loaded from: its jar or its classes folder, as a URI string. */
    private String location() {
        String known = location;
        if (known == null) {
            known = locationOf(anchor);
            location = known;
        }
        return known;
    }

    private static String locationOf(String anchor) {
        try {
            return Class.forName(anchor, false, Modules.class.getClassLoader())
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI()
                    .toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(anchor + " is not on the class path", e);
        }
    }

    /** The module whose jar or classes folder the class was imported from, if it is one of these. */
    static Optional<Modules> of(JavaClass javaClass) {
        Optional<String> uri = javaClass.getSource().map(Source::getUri).map(Object::toString);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values())
                .filter(module -> module.holdsClassFile(uri.get()))
                .findFirst();
    }

    /**
     * Whether a class file's URI is in this module's jar or classes folder. A jar counts by its file name: the load
     * tool's and the benchmarks' jars name copies of the other modules' jars (in their target/lib) in their
     * manifests, and the class path scan reads those copies too.
     */
    private boolean holdsClassFile(String classUri) {
        String location = location();
        if (!location.endsWith(".jar")) {
            return classUri.startsWith(location);
        }
        // A class in a jar: jar:file:/…/x.jar!/a/b/C.class
        int end = classUri.indexOf("!/");
        if (!classUri.startsWith("jar:") || end < 0) {
            return false;
        }
        return fileName(classUri.substring("jar:".length(), end)).equals(fileName(location));
    }

    private static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    /** Classes loaded from the module's own jar or classes folder, whatever their package. */
    static DescribedPredicate<JavaClass> loadedFrom(Modules module) {
        return DescribedPredicate.describe(
                "are loaded from module " + module.name().toLowerCase(Locale.ROOT),
                javaClass -> of(javaClass).filter(module::equals).isPresent());
    }

    /** Each class sits in the packages of the module whose jar holds it. */
    static ArchCondition<JavaClass> resideInTheirModulesPackages() {
        return new ArchCondition<>("reside in the packages of the module whose jar holds them") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                Optional<Modules> module = of(javaClass);
                boolean satisfied = module.map(m -> javaClass.getPackage().getName())
                        .filter(name -> module.get().holdsPackage(name))
                        .isPresent();
                String where = module.map(m -> "module " + m.name().toLowerCase(Locale.ROOT))
                        .orElse("no known module ("
                                + javaClass.getSource().map(Source::getUri).orElse(null) + ")");
                events.add(new SimpleConditionEvent(
                        javaClass,
                        satisfied,
                        javaClass.getName() + " is loaded from " + where + ", whose packages are "
                                + module.map(m -> List.of(m.packages).toString())
                                        .orElse("none")));
            }
        };
    }

    private boolean holdsPackage(String packageName) {
        return Arrays.stream(packages)
                .map(p -> p.substring(0, p.length() - "..".length()))
                .anyMatch(p -> packageName.equals(p) || packageName.startsWith(p + "."));
    }
}
