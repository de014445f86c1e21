package io.github.awsbidi.emulator.it;

import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes Netty's leak reports visible to tests: a leak-detector factory, installed before any buffer
 * class exists, whose detectors record every leak they report (and still log it).
 */
final class LeakRecorder {

    /** One reported leak: the resource type and its access records (empty when untraced). */
    record Leak(String resourceType, String records) {}

    private static final List<Leak> LEAKS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger DETECTORS = new AtomicInteger();
    private static volatile boolean installed;

    private LeakRecorder() {}

    /** Installs the recording factory; must run before Netty's buffer classes initialise. */
    static synchronized void install() {
        if (!installed) {
            ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
            installed = true;
        }
    }

    static boolean installed() {
        return installed;
    }

    /** How many detectors the recording factory created (one per tracked resource type). */
    static int detectors() {
        return DETECTORS.get();
    }

    /** Every leak reported so far. */
    static List<Leak> leaks() {
        return List.copyOf(LEAKS);
    }

    /** Forgets the leaks matching the predicate (a test's own deliberate leak). */
    static void forget(java.util.function.Predicate<Leak> which) {
        LEAKS.removeIf(which);
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            DETECTORS.incrementAndGet();
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add(new Leak(resourceType, records));
            super.reportTracedLeak(resourceType, records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add(new Leak(resourceType, ""));
            super.reportUntracedLeak(resourceType);
        }
    }
}
