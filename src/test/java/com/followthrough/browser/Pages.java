package com.followthrough.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the browser, in the tests' words: sign in, open pages, fill and submit forms. */
final class Pages {

    private final ChromeDriver browser;
    private final String base;
    private final WebDriverWait wait;

    Pages(ChromeDriver browser, int port) {
        this.browser = browser;
        this.base = "http://localhost:" + port;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    ChromeDriver browser() {
        return browser;
    }

    /** Signs out whoever is signed in and signs in as {@code user} (test password {@code <user>-secret}). */
    void signInAs(String user) {
        browser.manage().deleteAllCookies();
        open("/login");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user + "-secret");
        // The login page has an h1 too: wait for the next document, not for any heading.
        browser.executeScript("window.beforeSubmit = true;");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waitForNewPage();
        assertThat(browser.getCurrentUrl()).as("signed in as " + user).doesNotContain("/login");
        assertThat(browser.findElement(By.cssSelector(".who strong")).getText()).isEqualTo(user);
    }

    void open(String path) {
        browser.get(base + path);
    }

    String url(String path) {
        return base + path;
    }

    /**
     * The element's text, looked up again if a live refresh replaced it between finding and reading it (the page's
     * regions are swapped when the case changes, e.g. just after the action that loaded the page).
     */
    String text(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElement(By.cssSelector(css)).getText());
    }

    /** An attribute as the page's source wrote it, looked up again if a live refresh replaced the element. */
    String attribute(String css, String name) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(driver -> java.util.Optional.ofNullable(
                        driver.findElement(By.cssSelector(css)).getDomAttribute(name))).orElse(null);
    }

    List<WebElement> all(String css) {
        return browser.findElements(By.cssSelector(css));
    }

    /** An attribute of every element that matches, read in one go (a live refresh may replace them between reads). */
    @SuppressWarnings("unchecked")
    List<String> attributes(String css, String name) {
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(element => element.getAttribute(arguments[1]));", css, name);
    }

    boolean present(String css) {
        return !browser.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Types into a field, found again if a live refresh replaced its form before the first key (then it is kept). */
    void type(String id, String text) {
        again(() -> {
            WebElement field = browser.findElement(By.id(id));
            field.clear();
            field.sendKeys(text);
        });
    }

    void choose(String id, String visibleText) {
        again(() -> new Select(browser.findElement(By.id(id))).selectByVisibleText(visibleText));
    }

    void chooseValue(String id, String value) {
        again(() -> new Select(browser.findElement(By.id(id))).selectByValue(value));
    }

    /** Submits a form by its button and waits until the next page has loaded. */
    void submit(String formId) {
        browser.executeScript("window.beforeSubmit = true;");
        again(() -> browser.findElement(By.id(formId)).findElement(By.cssSelector("button[type=submit]")).click());
        waitForNewPage();
    }

    /** Whether the element is displayed, looked up again if a live refresh replaced it between finding and asking. */
    boolean displayed(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                // An Optional, since the wait takes a false for "not yet".
                .until(driver -> java.util.Optional.of(driver.findElement(By.cssSelector(css)).isDisplayed())).get();
    }

    /** Clicks the element, found again if a live refresh replaced it between finding and clicking. */
    void click(String css) {
        again(() -> browser.findElement(By.cssSelector(css)).click());
    }

    /** Does it again when a live refresh replaced the element it was working on (the case page's forms are live). */
    private void again(Runnable action) {
        // Not interactable: caught while htmx swapped its region (the old one leaving, the new one settling).
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .ignoring(ElementNotInteractableException.class)
                .until(driver -> {
                    action.run();
                    return true;
                });
    }

    /** Waits until the browser shows a new document (the marker of the old one is gone) and it has loaded. */
    void waitForNewPage() {
        wait.ignoring(WebDriverException.class).until(driver -> Boolean.TRUE.equals(browser.executeScript(
                "return window.beforeSubmit === undefined && document.readyState === 'complete';")));
    }

    WebDriverWait waiting() {
        return wait;
    }

    /** The action forms on the case page, in order: {@code action-hand-off} → {@code hand-off}. */
    @SuppressWarnings("unchecked")
    List<String> caseActions() {
        // Read in one go: a live refresh may replace the forms between two reads.
        return (List<String>) browser.executeScript("return Array.from(document.querySelectorAll('form.action'))"
                + ".map(form => form.id.substring('action-'.length));");
    }

    /** Unfolds the case page's "more" actions (the forms that are not this person's next step). */
    void openMore() {
        again(() -> {
            WebElement more = browser.findElement(By.id("more-actions"));
            if (more.getDomAttribute("open") == null) {
                more.findElement(By.tagName("summary")).click();
            }
        });
    }

    /**
     * The selector of one case's row in a list on My work (tables by id). Read and click it through {@link #text},
     * {@link #attribute} and {@link #click}: the lists are live, and a row held as an element goes stale when the
     * stream refreshes its list (an earlier action's change may arrive just after the page loaded).
     */
    static String row(String tableId, String caseNumber) {
        return "#" + tableId + " tr[data-case='" + caseNumber + "']";
    }

    boolean hasRow(String tableId, String caseNumber) {
        return present(row(tableId, caseNumber));
    }

    /** Every visible form control has a label a screen reader announces. */
    List<String> unlabelledControls() {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) browser.executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(el => el.type !== 'hidden')
                  .filter(el => (el.labels == null || el.labels.length === 0) && !el.getAttribute('aria-label'))
                  .map(el => el.name || el.id);""");
        return unlabelled;
    }
}
