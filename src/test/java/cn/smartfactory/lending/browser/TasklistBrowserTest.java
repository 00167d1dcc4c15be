package cn.smartfactory.lending.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.smartfactory.lending.origination.InvestigationVariables;
import cn.smartfactory.lending.scoring.WorkedCases;

/**
 * Tasklist in a real browser (Debian's headless chromium): am1 logs in and starts an application
 * through the start form; inv1 opens the investigation from the investigators' inbox, fills in
 * the checklist form and completes it. Screenshots go to target/screenshots. Skipped, saying why,
 * where chromium or chromedriver is missing; .ci/run installs both and makes it mandatory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistBrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        boolean available = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!available && "true".equals(System.getenv("LENDING_CI"))) {
            throw new AssertionError("chromium and chromedriver are required in CI; .ci/run should have installed them");
        }
        assumeTrue(available, "Debian's chromium and chromium-driver are not installed: skipping the Tasklist browser test "
                + "(apt-get install chromium chromium-driver)");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // A browser set to Chinese, as the bank's staff use it.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1600,1200",
                "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void accountManagerStartsAnApplicationAndInvestigatorSubmitsTheChecklist() throws Exception {
        var record = WorkedCases.load("3-retail-store");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-origination").count();

        login("am1");
        shot("01-tasklist-am1");
        assertChineseWebapp("任务中心");
        assertThat(browser.findElement(By.cssSelector("li.start-process-action a")).getText()).contains("发起流程");
        click(By.cssSelector("li.start-process-action a"));
        click(By.xpath("//a[contains(., 'Loan origination')]"));
        waitFor(By.cssSelector("[id$='Field_customerName']"));
        shot("02-start-form");
        Map<String, Object> start = InvestigationVariables.startFormValues(record, "11010119800101123X", "WALK_IN");
        start.put("customerName", "浏览器测试 Browser Test");
        fill(start);
        shot("03-start-form-filled");
        click(By.xpath("//button[normalize-space()='发起']"));
        wait.until(d -> runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-origination").count() > before);
        String pi = runtimeService.createProcessInstanceQuery().processDefinitionKey("loan-origination")
                .variableValueEquals("customerName", "浏览器测试 Browser Test").singleResult().getId();
        logout();

        login("inv1");
        click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(., 'inbox')]"));
        waitFor(By.xpath("//a[contains(., 'On-site investigation')]"));
        shot("04-investigators-inbox");
        // Several investigations wait in the inbox (the demo profile adds some); open this loan's by its link.
        String task = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_InvestigateOnSite")
                .singleResult().getId();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + task);
        waitFor(By.xpath("//button[normalize-space()='认领']"));
        shot("05-investigation-task");
        click(By.xpath("//button[normalize-space()='认领']"));
        // Once claimed the task is in "My tasks", the only one there: open it from the list.
        click(By.xpath("//div[contains(@class,'task-filter')]//h4/a[contains(., 'My tasks')]"));
        click(By.xpath("//ol[contains(@class,'tasks-list') or contains(@class,'list')]//a[contains(., 'On-site investigation')]"
                + " | //li[contains(@class,'task')]//a[contains(., 'On-site investigation')]"));
        waitFor(By.cssSelector("[id$='Field_bsCash']"));
        // The conditional requirements are on the screen: a share appears, required, once its name is given.
        assertThat(browser.findElements(By.cssSelector("[id$='Field_customer3SharePercent']"))).isEmpty();
        Map<String, Object> checklist = InvestigationVariables.checklistValues(record);
        // First with customers' shares adding up to more than 100%: a rule only the server can check.
        Map<String, Object> overShared = new java.util.LinkedHashMap<>(checklist);
        overShared.put("customer1Name", "甲超市");
        overShared.put("customer1SharePercent", 60);
        overShared.put("customer2Name", "乙食堂");
        overShared.put("customer2SharePercent", 50);
        overShared.remove("customer3Name");
        overShared.remove("customer3SharePercent");
        fill(overShared);
        shot("06-checklist-filled");
        click(By.xpath("//button[normalize-space()='完成']"));
        String refusal = "调查清单未通过校验:“前三大客户”占比合计超过 100%(当前为 110%)。"
                + "Checklist not accepted: \"Top customers\" add up to more than 100% (110%).";
        WebElement shown = waitFor(By.xpath("//*[contains(@class,'alert')][contains(., '调查清单未通过校验')]"));
        shot("06b-checklist-refused");
        assertThat(shown.findElement(By.cssSelector(".status")).getText()).isEqualTo("提交任务表单时出错");
        assertThat(shown.findElement(By.cssSelector(".message")).getText()).isEqualTo(refusal);
        assertThat(shown.getText()).doesNotContain("ENGINE-", "Cannot submit", "Exception", "topCustomers",
                "customer1SharePercent");
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(pi)
                .taskDefinitionKey("Task_InvestigateOnSite").finished().count()).isZero();
        // The notification covers the buttons until it is closed.
        shown.findElement(By.cssSelector("button.close:not(.ng-hide)")).click();
        wait.until(ExpectedConditions.invisibilityOf(shown));
        fill(Map.of("customer2SharePercent", 30));

        click(By.xpath("//button[normalize-space()='完成']"));
        wait.until(d -> historyService.createHistoricTaskInstanceQuery().processInstanceId(pi)
                .taskDefinitionKey("Task_InvestigateOnSite").finished().count() == 1);
        shot("07-after-complete");

        assertThat(runtimeService.getVariable(pi, "investigator")).isEqualTo("inv1");
        assertThat(runtimeService.getVariable(pi, "bsCash")).isNotNull();
        try (var shots = Files.list(SHOTS)) {
            assertThat(shots.filter(f -> f.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(7);
        }
    }

    @Test
    void managerSeesCockpitInChineseWithoutTheBanner() throws Exception {
        login("cockpit", "mgr1", By.cssSelector("[cam-widget-header] .navbar-brand"));
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains("运行中的流程实例"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("运行中的流程实例", "流程", "决策")
                .doesNotContain("Right Now", "Running Process Instances", "Camunda 8");
        shot("10-cockpit-mgr1");
        assertChineseWebapp("运营监控");
    }

    /** The webapp's own texts are Chinese, its title is the bank's, and the end-of-life banner is gone. */
    private void assertChineseWebapp(String app) {
        wait.until(d -> d.getTitle().startsWith("智慧工厂 普惠信贷 · " + app));
        assertThat(browser.findElement(By.cssSelector("[cam-widget-header] .navbar-brand")).getText())
                .isEqualTo("智慧工厂 普惠信贷 · " + app);
        for (WebElement banner : browser.findElements(By.cssSelector(".ce-eol-banner"))) {
            assertThat(banner.isDisplayed()).as("the Community Edition banner").isFalse();
        }
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("It is time to migrate");
        assertThat(browser.findElement(By.cssSelector("[cam-widget-header]")).getText()).doesNotContain("Log out", "Start process");
    }

    private void login(String user) {
        login("tasklist", user, By.cssSelector("li.start-process-action a"));
    }

    private void login(String app, String user, By loggedIn) {
        browser.get("http://localhost:" + port + "/camunda/app/" + app + "/default/#/login");
        WebElement name = waitFor(By.cssSelector("input[ng-model='username']"));
        WebElement password = browser.findElement(By.cssSelector("input[ng-model='password']"));
        // The login page grabs focus while it renders; type into each field until it holds what was typed.
        wait.until(d -> {
            name.click();
            name.clear();
            name.sendKeys(user);
            password.click();
            password.clear();
            password.sendKeys("demo");
            return user.equals(name.getDomProperty("value")) && "demo".equals(password.getDomProperty("value"));
        });
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor(loggedIn);
    }

    private void logout() {
        browser.manage().deleteAllCookies();
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    /**
     * Types each value into its form-js field; checkboxes are clicked, dropdowns chosen. A field the
     * form shows only once another is filled (a share after its name) is filled in a second round.
     */
    private void fill(Map<String, Object> values) {
        Map<String, Object> later = fillShown(values);
        if (!later.isEmpty()) {
            sleepQuietly(300);
            fillShown(later);
        }
    }

    /** Fills the fields the form shows now; answers the others. */
    private Map<String, Object> fillShown(Map<String, Object> values) {
        Map<String, Object> notShown = new java.util.LinkedHashMap<>();
        for (var entry : values.entrySet()) {
            List<WebElement> fields = browser.findElements(By.cssSelector("[id$='Field_" + entry.getKey() + "']"));
            if (entry.getValue() == null) {
                continue;
            }
            if (fields.isEmpty()) {
                notShown.put(entry.getKey(), entry.getValue());
                continue;
            }
            WebElement field = fields.get(0);
            String value = entry.getValue() instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue())
                    : entry.getValue().toString();
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
            String type = field.getAttribute("type");
            String cssClass = String.valueOf(field.getAttribute("class"));
            if (cssClass.contains("fjs-select-hidden-input")) {
                choose(browser.findElement(By.id(field.getAttribute("id") + "-display")), value);
            } else if ("checkbox".equals(type)) {
                if (Boolean.parseBoolean(value) != field.isSelected()) {
                    field.click();
                }
            } else if (entry.getValue() instanceof Number) {
                field.clear();
                field.sendKeys(value);
            } else {
                // Text is committed the way an input method would (headless chromium has none for Chinese),
                // and form-js takes it when the field loses focus; retried until the field holds it.
                try {
                    wait.until(d -> {
                        if (value.equals(field.getDomProperty("value"))) {
                            return true;
                        }
                        ((JavascriptExecutor) d).executeScript("arguments[0].focus(); arguments[0].select();", field);
                        ((ChromeDriver) d).executeCdpCommand("Input.insertText", Map.of("text", value));
                        field.sendKeys(Keys.TAB);
                        return false;
                    });
                } catch (org.openqa.selenium.TimeoutException e) {
                    throw new AssertionError("field " + entry.getKey() + " holds '" + field.getDomProperty("value")
                            + "' instead of '" + value + "'", e);
                }
                sleepQuietly(200);
            }
        }
        return notShown;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A form-js select: open its display and pick the option whose label matches the value. */
    private void choose(WebElement display, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", display);
        // Open the dropdown: a poll that finds it closed clicks it, the next one finds the options.
        List<WebElement> options = wait.until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector(".fjs-dropdownlist-item"));
            if (shown.isEmpty()) {
                display.click();
                return null;
            }
            return shown;
        });
        for (WebElement option : options) {
            if (option.getText().contains(value) || option.getText().contains(label(value))) {
                option.click();
                return;
            }
        }
        throw new AssertionError("no option " + value + " among " + options.stream().map(WebElement::getText).toList());
    }

    private static String label(String value) {
        return switch (value) {
            case "RETAIL_STORE" -> "Retail store";
            case "CREDIT" -> "Credit loan";
            case "NONE" -> "None";
            case "WALK_IN" -> "Walk-in";
            case "MARRIED" -> "Married";
            default -> value;
        };
    }

    private WebElement waitFor(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot("failure-waiting");
            } catch (Exception ignored) {
                // the timeout is the failure worth reporting
            }
            throw e;
        }
    }

    private void click(By by) {
        try {
            WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
            // The page footer overlays the bottom of the view: bring the element to the middle first.
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            element.click();
        } catch (org.openqa.selenium.TimeoutException e) {
            try {
                shot("failure-clicking");
            } catch (Exception ignored) {
                // the timeout is the failure worth reporting
            }
            throw e;
        }
    }

    private void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource());
    }
}
