package io.github.awsbidi.sample.voice;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the browser tests, from the machine (Debian's {@code chromium} and {@code chromium-driver}
 * packages; other paths through the {@code chromium.binary} and {@code chromedriver.binary} system properties).
 * Nothing is downloaded: the driver's path is given, so Selenium Manager is never asked. As a JUnit condition it
 * skips the tests where either is missing (and the build says so in one line).
 */
final class Chromium implements ExecutionCondition {

    static final String BINARY = System.getProperty("chromium.binary", "/usr/bin/chromium");

    static final String DRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (new File(BINARY).canExecute() && new File(DRIVER).canExecute()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver found");
        }
        // The build prints the same on the console (sample-app/pom.xml, check-chromium).
        return ConditionEvaluationResult.disabled("no Chromium at " + BINARY + " or no chromedriver at " + DRIVER
                + " (apt-get install chromium chromium-driver): the browser tests skip");
    }

    /** A headless browser whose microphone plays {@code microphone} (a WAV file, looped). */
    static ChromeDriver start(Path microphone) {
        // Selenium Manager (which would download a driver) only runs when the driver's and browser's paths are unknown.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=900,860",
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-audio-capture=" + microphone.toAbsolutePath(),
                "--autoplay-policy=no-user-gesture-required");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
        return driver;
    }
}
