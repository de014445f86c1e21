package io.github.awsbidi.emulator.junit;

import io.github.awsbidi.emulator.config.Cassettes;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs one {@link io.github.awsbidi.emulator.BidiEmulator} for the annotated test class and injects it
 * into constructors, lifecycle methods and test methods that declare a {@code BidiEmulator} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(BidiEmulatorExtension.class)
public @interface BidiEmulatorTest {

    /** Whether to serve TLS with a self-signed certificate instead of h2c. */
    boolean tls() default false;

    /**
     * Directories of recorded exchanges ({@code *.jsonl} cassettes) to serve under their recorded endpoints and
     * models; relative to the working directory (the module's, under Maven).
     */
    String[] cassettes() default {};

    /** How requests must match the cassettes' recorded ones. */
    Cassettes.Matching cassetteMatching() default Cassettes.Matching.SHAPE;

    /** Factor on the cassettes' recorded delays: 1 for recorded pace, 0 for as fast as possible. */
    double cassetteTimeScale() default 1.0;
}
