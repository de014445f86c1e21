package io.github.awsbidi.sample.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The voice page in headless Chromium, its microphone fed from a WAV file, against the embedded emulator: what a
 * person sees and hears when they open the sample's home page and talk.
 */
@ExtendWith(Chromium.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class VoicePageBrowserTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    private ChromeDriver browser;

    @BeforeEach
    void openThePage() throws IOException {
        browser = Chromium.start(TestSignal.conversation(directory));
        browser.get("http://127.0.0.1:" + port + "/");
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAssistantHearsTheUserAnswersAloudAndBothTranscriptsAppear() throws IOException {
        browser.findElement(By.id("connect")).click();
        await(driver -> "connected".equals(attribute("voice-state", "data-state")));

        WebElement user = await(driver -> first(By.cssSelector("#conversation .turn.user")));
        assertThat(user.getText()).matches("heard \\d\\.\\d seconds of speech");
        // The assistant's answer: SPECULATIVE first, then FINAL once spoken (cut short, or in full).
        await(driver -> first(By.cssSelector("#conversation .turn.assistant.final")));
        assertThat(browser.findElements(By.cssSelector("#conversation .turn.assistant")))
                .extracting(WebElement::getText)
                .anyMatch(text -> text.startsWith("You said: heard"));
        await(driver -> stat("played") > 0);
        await(driver -> attribute("latency", "data-millis") != null);
        assertThat(browser.findElement(By.id("voice-error")).isDisplayed()).isFalse();

        // A typed turn on the same conversation: the assistant calls the weather tool and says what it answered.
        browser.findElement(By.id("typed")).sendKeys("What is the weather in Seattle?");
        browser.findElement(By.id("say")).click();
        WebElement tool = await(driver -> first(By.cssSelector("#conversation .turn.tool")));
        assertThat(tool.getText()).isEqualTo("getWeather {\"location\":\"Seattle\"}");
        await(driver -> browser.findElements(By.cssSelector("#conversation .turn.assistant")).stream()
                .anyMatch(line -> line.getText().startsWith("The getWeather tool says:")));
        saveScreenshot();
        browser.findElement(By.id("disconnect")).click();
        await(driver -> "closed".equals(attribute("voice-state", "data-state"))
                || "disconnected".equals(attribute("voice-state", "data-state")));
    }

    @Test
    void speakingOverTheAssistantDropsItsQueuedSpeechAtOnce() {
        browser.findElement(By.id("connect")).click();
        // The second burst of the microphone's loop starts while the first answer is still being spoken.
        await(driver -> stat("bargeIns") > 0);
        // The emulator paces speech in real time and the page schedules each chunk ahead of the one playing, so
        // at least one chunk was queued when the barge-in came: a page that does not flush drops none.
        assertThat(stat("flushed"))
                .as("chunks of speech dropped by the barge-in")
                .isPositive();
        WebElement cut = await(driver -> first(By.cssSelector("#conversation .turn.assistant.interrupted")));
        assertThat(cut.getText()).startsWith("You said: heard");
    }

    @Test
    void mutedTheAssistantHearsNothingAndUnmutedItHearsTheUserAgain() throws InterruptedException {
        browser.findElement(By.id("mute")).click();
        browser.findElement(By.id("connect")).click();
        await(driver -> "connected".equals(attribute("voice-state", "data-state")));
        // The microphone's first burst ends 1.7 s into its loop, and the emulator ends the turn 0.5 s later: muted,
        // the server receives silence, so there is no turn in a whole loop.
        Thread.sleep(TestSignal.LOOP.toMillis());
        assertThat(browser.findElements(By.cssSelector("#conversation .turn.user")))
                .isEmpty();
        assertThat(browser.findElement(By.id("mute")).getText()).isEqualTo("Unmute");

        browser.findElement(By.id("mute")).click();
        WebElement user = await(driver -> first(By.cssSelector("#conversation .turn.user")));
        assertThat(user.getText()).matches("heard \\d\\.\\d seconds of speech");
    }

    @Test
    void theTranscriberShowsInterimResultsWhileRecordingAndAFinalOneOnStop() {
        browser.findElement(By.id("record")).click();
        await(driver -> "recording".equals(attribute("transcriber-state", "data-state")));
        await(driver -> browser.findElement(By.id("interim")).getText().matches("heard .* seconds of speech.*"));
        await(driver -> Integer.parseInt(String.valueOf(attribute("interim", "data-count"))) >= 3);
        browser.findElement(By.id("stop")).click();
        WebElement result = await(driver -> first(By.cssSelector("#finals li")));
        assertThat(result.getText()).matches("heard \\d+\\.\\d\\d seconds of speech at level 0\\.\\d\\d");
        await(driver -> "idle".equals(attribute("transcriber-state", "data-state")));
        assertThat(browser.findElement(By.id("interim")).getText()).isEmpty();
    }

    @Test
    void theSpeakerStreamsTypedTextToPollyAndPlaysTheAudioAsItArrives() {
        browser.findElement(By.id("speaker-text"))
                .sendKeys("Streaming speech starts early. It plays while the rest is sent.");
        browser.findElement(By.id("speak")).click();
        await(driver -> speakerStat("played") > 0);
        // Every word went out, then the billed characters came back: the sentence's length, whitespace included.
        await(driver -> attribute("speaker-characters", "data-characters") != null);
        assertThat(attribute("speaker-characters", "data-characters")).isEqualTo("63");
        assertThat(browser.findElement(By.id("speaker-words")).getText()).isEqualTo("11");
        await(driver -> "idle".equals(attribute("speaker-state", "data-state")));
        assertThat(browser.findElement(By.id("speaker-error")).isDisplayed()).isFalse();

        // Generated text on a new stream: the counter goes on rising.
        long before = speakerStat("played");
        browser.findElement(By.id("generate")).click();
        await(driver -> speakerStat("played") > before);
        assertThat(browser.findElement(By.id("speaker-text")).getDomProperty("value"))
                .isNotBlank();
    }

    private <T> T await(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, WAIT).until(condition);
        } catch (TimeoutException ex) {
            // What the page showed, so that a failure says more than "timed out".
            throw new AssertionError(
                    "the page did not get there within " + WAIT + "; it shows:\n"
                            + browser.findElement(By.tagName("body")).getText() + "\nand the server sent:\n"
                            + browser.executeScript("return JSON.stringify(window.voicePage.recent)"),
                    ex);
        }
    }

    private WebElement first(By locator) {
        List<WebElement> found = browser.findElements(locator);
        return found.isEmpty() ? null : found.get(0);
    }

    private long speakerStat(String name) {
        return ((Number) browser.executeScript("return window.speakerPanel.stats[arguments[0]]", name)).longValue();
    }

    private String attribute(String id, String name) {
        return browser.findElement(By.id(id)).getDomAttribute(name);
    }

    private long stat(String name) {
        return ((Number) browser.executeScript("return window.voicePage.stats[arguments[0]]", name)).longValue();
    }

    /** The page after a conversation, for the README (copied to docs/ by hand when the page changes). */
    private void saveScreenshot() throws IOException {
        Path target = Paths.get("target", "voice-page.png");
        Files.createDirectories(target.getParent());
        Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    }
}
