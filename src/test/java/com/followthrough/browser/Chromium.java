package com.followthrough.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
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
 *
 * <p>Every browser started here watches its console for Content-Security-Policy violations ("Refused to execute inline
 * script …"): {@code quit()} fails the test that used it when a page broke the policy, whichever page and whenever.
 */
public final class Chromium {

    public static final String BINARY = System.getProperty("browser.chromium", "/usr/bin/chromium");
    public static final String DRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");

    /** Where screenshots of the pages are saved: test artifacts, not committed. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** The narrowest window headless Chromium lays pages out in; narrower widths are emulated. */
    private static final int HEADLESS_MIN_WIDTH = 500;

    /** A new headless browser at a laptop's width; the caller quits it. */
    public static ChromeDriver start() {
        return start(1366, 900);
    }

    /** A new headless browser with the given window size (e.g. 390 × 844 for a phone). */
    public static ChromeDriver start(int width, int height) {
        return start(width, height, null);
    }

    /** The same, with the given browser language (its Accept-Language and {@code --lang}), e.g. {@code "de"}. */
    public static ChromeDriver start(int width, int height, String language) {
        ChromeOptions options = new ChromeOptions();
        if (language != null) {
            options.addArguments("--lang=" + language);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        }
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
        ChromeDriver driver = new CspWatchingChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        if (width < HEADLESS_MIN_WIDTH) {
            // Headless Chromium's window is never narrower than 500 px, whatever --window-size says: a phone's width is
            // emulated (as DevTools' device mode does), so the page really is laid out at that width.
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        return driver;
    }

    /** A browser that remembers every CSP violation its console reported, and fails on {@link #quit()} if any. */
    private static final class CspWatchingChromeDriver extends ChromeDriver {

        private final List<String> violations = new ArrayList<>();

        CspWatchingChromeDriver(ChromeDriverService service, ChromeOptions options) {
            super(service, options);
        }

        /** The console since the last reading; the log is read once, so every reader goes through here. */
        List<LogEntry> readConsole() {
            List<LogEntry> entries = manage().logs().get(LogType.BROWSER).getAll();
            entries.stream().map(LogEntry::getMessage).filter(Chromium::isCspViolation).forEach(violations::add);
            return entries;
        }

        List<String> takeViolations() {
            readConsole();
            List<String> taken = List.copyOf(violations);
            violations.clear();
            return taken;
        }

        @Override
        public void quit() {
            List<String> found;
            try {
                found = takeViolations();
            } finally {
                super.quit();
            }
            if (!found.isEmpty()) {
                throw new AssertionError("The pages broke the Content-Security-Policy (browser console):\n"
                        + String.join("\n", found));
            }
        }
    }

    /** Chromium's console words for a blocked script, style, frame, form target or connection. */
    static boolean isCspViolation(String consoleMessage) {
        return consoleMessage.contains("Content Security Policy");
    }

    /**
     * The CSP violations reported since the browser started (or since the last call), taken so that {@code quit()}
     * does not fail on them: for the test that shows a violation is caught.
     */
    public static List<String> takeCspViolations(ChromeDriver driver) {
        return ((CspWatchingChromeDriver) driver).takeViolations();
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
        return ((CspWatchingChromeDriver) driver).readConsole().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Whether this machine has the browser and driver ({@link ChromiumRequired} skips the browser tests without them). */
    public static boolean installed() {
        return Files.isExecutable(Path.of(BINARY)) && Files.isExecutable(Path.of(DRIVER));
    }
}
