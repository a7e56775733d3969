package com.followthrough.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven through its own chromedriver. Both paths are fixed so that Selenium never looks
 * for, or downloads, a browser or driver of its own. Override with {@code -Dbrowser.chromium=…} and
 * {@code -Dbrowser.chromedriver=…} on other systems.
 */
public final class Chromium {

    public static final String BINARY = System.getProperty("browser.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

    /** Where screenshots of the pages are saved: test artifacts, not committed. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A new headless browser at a laptop's width; the caller quits it. */
    public static ChromeDriver start() {
        return start(1366, 900);
    }

    /** A new headless browser with the given window size (e.g. 390 × 844 for a phone). */
    public static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=" + width + "," + height);
        // The browser's console, so tests can fail on a script error.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console messages at SEVERE level since the last call (script errors, failed resource loads). */
    public static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Whether this machine has the browser and driver ({@link ChromiumRequired} skips the browser tests without them). */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER));
    }
}
