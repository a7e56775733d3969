package com.followthrough.browser;

import static com.followthrough.testing.Cases.aCustomer;
import static com.followthrough.testing.Cases.anOpenCase;
import static org.assertj.core.api.Assertions.assertThat;

import com.followthrough.cases.CaseQueries;
import com.followthrough.cases.CaseService;
import com.followthrough.policy.Priority;
import com.followthrough.tasks.TaskList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How long "My work" takes to load for an agent with 500 open tasks (and 500 followed cases), measured in Chromium
 * from the request to the loaded page. Prints the numbers; asserts only that all 500 are shown, not a time.
 */
@BrowserTest
class MyWorkLoadBrowserTests {

    static final int OPEN_TASKS = 500;
    static final String AGENT = "olga";

    @LocalServerPort
    int port;

    @Autowired
    CaseService cases;

    @Autowired
    IdentityService identity;

    @Autowired
    TaskList tasks;

    @Autowired
    CaseQueries queries;

    ChromeDriver browser;

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void myWorkWith500OpenTasks() {
        if (identity.createUserQuery().userId(AGENT).count() == 0) {
            var user = identity.newUser(AGENT);
            user.setFirstName("Olga");
            user.setPassword(AGENT + "-secret");
            identity.saveUser(user);
            identity.createMembership(AGENT, "agents");
        }
        long seeding = System.nanoTime();
        Priority[] priorities = Priority.values();
        for (int i = 0; i < OPEN_TASKS; i++) {
            cases.open(anOpenCase().forCustomer(aCustomer().named("Load Customer " + i)
                    .withEmail("load" + i + "@example.com").withPhone("+49 30 " + (100000 + i)))
                    .withPriority(priorities[i % priorities.length])
                    .withSummary("Load test case " + i).build(), AGENT);
        }
        System.out.printf("My work load: seeded %d open cases and tasks in %.1f s%n", OPEN_TASKS,
                (System.nanoTime() - seeding) / 1e9);

        // Where the server's time goes: the reads behind the page, without rendering.
        for (int run = 0; run < 3; run++) {
            long start = System.nanoTime();
            int mine = tasks.assignedTo(AGENT).size();
            long afterTasks = System.nanoTime();
            int following = queries.openOwnedBy(AGENT).size();
            long afterCases = System.nanoTime();
            System.out.printf("My work reads, run %d: %d assigned tasks in %.0f ms, %d followed cases in %.0f ms%n",
                    run + 1, mine, (afterTasks - start) / 1e6, following, (afterCases - afterTasks) / 1e6);
        }

        browser = Chromium.start();
        Pages pages = new Pages(browser, port);
        pages.signInAs(AGENT);
        // As the agent sees it: the counts say 500, each list shows the 100 that fall due first.
        assertThat(pages.text("#my-tasks .more")).contains("of " + OPEN_TASKS);
        assertThat(pages.all("#my-tasks tbody tr")).hasSize(100);
        assertThat(pages.all("#following tbody tr")).hasSize(100);
        measure(pages, "/my-work", "first 100 of each list");
        Chromium.screenshot(browser, "my-work-500-tasks");

        pages.open("/my-work?all=true");
        assertThat(pages.all("#my-tasks tbody tr")).hasSize(OPEN_TASKS);
        assertThat(pages.all("#following tbody tr")).hasSize(OPEN_TASKS);
        measure(pages, "/my-work?all=true", "all 500 rows of each list");
    }

    /** Loads the page five times; prints each run's navigation timing and the median of the last four. */
    private void measure(Pages pages, String path, String shown) {
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int run = 0; run < 5; run++) {
            pages.open(path);
            @SuppressWarnings("unchecked")
            Map<String, Object> timing = (Map<String, Object>) browser.executeScript("""
                    const nav = performance.getEntriesByType('navigation')[0];
                    return {server: nav.responseStart - nav.requestStart, html: nav.responseEnd - nav.requestStart,
                            domReady: nav.domContentLoadedEventEnd - nav.startTime, load: nav.loadEventEnd - nav.startTime,
                            bytes: nav.transferSize};""");
            runs.add(timing);
            System.out.printf("My work load with %d open tasks (%s), run %d: first byte %s ms, HTML %s ms, "
                    + "DOM ready %s ms, loaded %s ms, %s bytes%n", OPEN_TASKS, shown, run + 1,
                    round(timing.get("server")), round(timing.get("html")), round(timing.get("domReady")),
                    round(timing.get("load")), timing.get("bytes"));
        }
        double[] loads = runs.stream().skip(1).mapToDouble(timing -> ((Number) timing.get("load")).doubleValue())
                .sorted().toArray();
        System.out.printf("My work load with %d open tasks (%s): median %.0f ms over %d warm runs (%d cores)%n",
                OPEN_TASKS, shown, loads[loads.length / 2], loads.length, Runtime.getRuntime().availableProcessors());
    }

    private static String round(Object millis) {
        return String.format("%.0f", ((Number) millis).doubleValue());
    }
}
