package dev.otai.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}; skipped with a
 * message when they are not installed, and installed by {@code .ci/run} in CI): refused without the token, sign-in,
 * a routed ticket's classification and note, firing a manual trigger and seeing its run, and on every page an
 * axe-core check (no serious or critical violation) and keyboard navigation. One browser for the whole class.
 * With {@code -Dotai.console.screenshots=DIR} each page is saved there as a PNG (docs/console holds them).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    @TempDir
    static Path dir;
    static RunningConsole console;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<Path> chromium = first(BROWSERS);
        Optional<Path> driver = first(DRIVERS);
        assumeTrue(chromium.isPresent() && driver.isPresent(), "browser tests skipped: no Chromium and chromedriver at "
                + BROWSERS + " / " + DRIVERS + "; install them with: apt-get install -y chromium chromium-driver");
        console = RunningConsole.quickstartLike(dir);
        var options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,900");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    @Order(1)
    void without_the_token_the_console_shows_only_the_sign_in_page() throws Exception {
        browser.get(console.base() + "/console/runs");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
        assertThat(browser.getPageSource()).doesNotContain("first_pass");
        browser.findElement(By.id("token")).sendKeys("not-the-right-token-000");
        loads(() -> browser.findElement(By.cssSelector("form.signin button")).click());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("not the console's token");
        assertThat(browser.getPageSource()).doesNotContain("first_pass");
        accessible("sign-in");
    }

    @Test
    @Order(2)
    void signing_in_shows_the_overview_with_the_runners() throws Exception {
        signIn();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
        assertThat(browser.findElement(By.id("main")).getText()).contains("first_pass").contains("every_minute");
        accessible("overview");
    }

    @Test
    @Order(3)
    void a_routed_ticket_shows_its_classification_and_its_note() throws Exception {
        loads(() -> browser.findElement(By.linkText("Tickets")).click());
        loads(() -> browser.findElement(By.id("t-id")).sendKeys("T-0001", Keys.ENTER));
        String main = browser.findElement(By.id("main")).getText();
        assertThat(main).contains("Ticket T-0001").contains("Classified: confidence").contains("Billing")
                .contains("Routed by otai").contains("Queue Billing for Invoice INV-3040 is wrong");
        accessible("ticket");
    }

    @Test
    @Order(4)
    void the_runs_list_and_a_run_page_show_the_first_pass() throws Exception {
        loads(() -> browser.findElement(By.linkText("Runs")).click());
        accessible("runs");
        loads(() -> browser.findElement(By.cssSelector("table a[href^='/console/runs/']")).click());
        assertThat(browser.findElement(By.id("main")).getText()).contains("For-each items").contains("Writes");
        browser.findElement(By.cssSelector("details.item summary")).click();
        accessible("run");
    }

    @Test
    @Order(5)
    void the_classification_pages_pass_the_accessibility_check() throws Exception {
        loads(() -> browser.findElement(By.linkText("Classification")).click());
        assertThat(browser.findElement(By.id("main")).getText()).contains("classifications in the last 14 days");
        accessible("classification");
        loads(() -> browser.findElement(By.linkText("Check corrections against the helpdesk")).click());
        assertThat(browser.findElement(By.id("main")).getText()).contains("were moved after otai routed them");
        accessible("corrections");
    }

    @Test
    @Order(6)
    void firing_the_manual_trigger_shows_its_new_run() throws Exception {
        loads(() -> browser.findElement(By.linkText("Actions")).click());
        accessible("actions");
        loads(() -> browser.findElement(By.xpath("//button[normalize-space()='Fire route_now']")).click());
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Trigger route_now fired");
        boolean seen = false;
        for (int i = 0; i < 100 && !seen; i++) {
            browser.navigate().to(console.base() + "/console/runs?runner=every_minute");
            seen = browser.findElements(By.xpath("//td[normalize-space()='route_now']")).size() > 0;
        }
        assertThat(seen).as("a run of every_minute fired by route_now is listed").isTrue();
    }

    @Test
    @Order(7)
    void a_dry_run_page_lists_the_writes_it_would_make() throws Exception {
        loads(() -> browser.findElement(By.linkText("Actions")).click());
        loads(() -> browser.findElement(By.xpath("//button[normalize-space()='Start dry run']")).click());
        boolean done = false;
        for (int i = 0; i < 100 && !done; i++) {
            done = !browser.findElement(By.id("main")).getText().contains("Running…");
            if (!done) {
                browser.navigate().refresh();
            }
        }
        assertThat(browser.findElement(By.id("main")).getText()).contains("Done: the runner would write nothing");
        accessible("dry-run");
    }

    @Test
    @Order(8)
    void the_keyboard_reaches_the_skip_link_the_content_and_the_navigation() throws Exception {
        browser.get(console.base() + "/console");
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to content");
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        browser.get(console.base() + "/console");
        body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        for (int i = 0; i < 10 && !"Runs".equals(focused.getText()); i++) {
            focused.sendKeys(Keys.TAB);
            focused = browser.switchTo().activeElement();
        }
        assertThat(focused.getText()).isEqualTo("Runs");
        WebElement runs = focused;
        loads(() -> runs.sendKeys(Keys.ENTER));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Runs");
        assertThat(browser.findElement(By.cssSelector("label[for=f-runner]")).getText()).isEqualTo("Runner");
    }

    private static void signIn() {
        browser.get(console.base() + "/console/sign-in");
        browser.findElement(By.id("token")).sendKeys(RunningConsole.TOKEN);
        loads(() -> browser.findElement(By.cssSelector("form.signin button")).click());
    }

    /**
     * Does what leads to another page and waits until that page has loaded (the old page gone, the new one
     * complete): a key press or a form's redirect does not wait by itself, and a loaded machine shows the gap.
     */
    private static void loads(Runnable action) {
        WebElement before = browser.findElement(By.tagName("html"));
        action.run();
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** axe-core on the current page: no serious or critical violation; then the screenshot, when asked for. */
    private static void accessible(String name) throws Exception {
        Results results = new AxeBuilder().analyze(browser);
        assertThat(results.getPasses()).as("axe-core ran its rules on the %s page", name).isNotEmpty();
        List<String> bad = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(ConsoleBrowserTest::describe).toList();
        assertThat(bad).as("serious or critical accessibility violations on the %s page", name).isEmpty();
        String folder = System.getProperty("otai.console.screenshots");
        if (folder != null && !folder.isBlank()) {
            Path target = Path.of(folder).resolve(name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        }
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + rule.getNodes().stream()
                .map(node -> String.valueOf(node.getTarget())).limit(3).toList();
    }

    private static Optional<Path> first(List<String> paths) {
        return paths.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

}
