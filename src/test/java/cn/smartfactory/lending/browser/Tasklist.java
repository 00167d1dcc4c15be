package cn.smartfactory.lending.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The webapps as a member of staff uses them: Debian's headless chromium set to Chinese (zh-CN),
 * driven through chromedriver. Signs in and out, opens tasks, fills Camunda Forms the way a person
 * does (form-js fields, dropdowns, radio buttons, checkboxes; Chinese committed as an input method
 * would), completes them, reads the notifications, and takes screenshots.
 */
public final class Tasklist implements AutoCloseable {

    static final Path SHOTS = Path.of("target", "screenshots");
    /** The screenshots of each role's main screen that the user guide shows (copied to docs/images). */
    static final Path GUIDE_SHOTS = SHOTS.resolve("guide");
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private static final Map<String, Map<String, String>> OPTION_LABELS = optionLabels();

    public final WebDriver browser;
    public final WebDriverWait wait;
    private final int port;

    private Tasklist(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    public static boolean available() {
        return new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
    }

    public static Tasklist open(int port) throws IOException {
        Files.createDirectories(GUIDE_SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // A browser set to Chinese, as the bank's staff use it.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--window-size=1600,1000",
                "--lang=zh-CN", "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        return new Tasklist(new ChromeDriver(service, options), port);
    }

    @Override
    public void close() {
        browser.quit();
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(String user) {
        login("tasklist", user, By.cssSelector("li.start-process-action a"));
    }

    public void login(String app, String user, By loggedIn) {
        logout();
        browser.get(url("/camunda/app/" + app + "/default/#/login"));
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

    /** Tasklist's start page, with nothing open. */
    void home() {
        browser.get(url("/camunda/app/tasklist/default/#/"));
        browser.navigate().refresh();
        waitFor(By.cssSelector("li.start-process-action a"));
    }

    void logout() {
        if (browser.getCurrentUrl() != null && browser.getCurrentUrl().startsWith("http")) {
            browser.manage().deleteAllCookies();
            ((JavascriptExecutor) browser).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        }
    }

    /** Opens a task by its link, claims it when it is not the user's yet, and waits for its form. */
    void openTask(String taskId, String formField) {
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + taskId));
        List<WebElement> claim = wait.until(d -> {
            List<WebElement> buttons = d.findElements(By.xpath("//button[normalize-space()='认领']"));
            List<WebElement> fields = d.findElements(By.cssSelector("[id$='Field_" + formField + "']"));
            return !buttons.isEmpty() && buttons.get(0).isDisplayed() ? buttons : !fields.isEmpty() ? List.<WebElement>of() : null;
        });
        if (!claim.isEmpty()) {
            click(By.xpath("//button[normalize-space()='认领']"));
        }
        waitFor(By.cssSelector("[id$='Field_" + formField + "']"));
    }

    /** Clicks 完成 Complete. */
    void complete() {
        click(By.xpath("//button[normalize-space()='完成']"));
    }

    /** The notification Tasklist shows after a failed action, once it appears. */
    WebElement notification(String containing) {
        return waitFor(By.xpath("//*[contains(@class,'alert')][contains(., '" + containing + "')]"));
    }

    /** Closes a notification: it covers the form's buttons until then. */
    void dismiss(WebElement notification) {
        notification.findElement(By.cssSelector("button.close:not(.ng-hide)")).click();
        wait.until(ExpectedConditions.invisibilityOf(notification));
    }

    String bodyText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    /**
     * Types each value into its form-js field; checkboxes are clicked, dropdowns and radio buttons
     * chosen by their option's label. A field the form shows only once another is filled (a share
     * after its name) is filled in a second round.
     */
    Set<String> fill(Map<String, ?> values) {
        Map<String, Object> later = fillShown(values);
        if (!later.isEmpty()) {
            sleep(300);
            later = fillShown(later);
        }
        return later.keySet();
    }

    /** Fills a form whose every given field must be on the screen (a checklist may leave some hidden). */
    void fillAll(Map<String, ?> values) {
        assertThat(fill(values)).as("fields the form did not show").isEmpty();
    }

    private Map<String, Object> fillShown(Map<String, ?> values) {
        Map<String, Object> notShown = new LinkedHashMap<>();
        for (var entry : values.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            String key = entry.getKey();
            String value = entry.getValue() instanceof Double d && d == Math.rint(d) ? String.valueOf(d.longValue())
                    : entry.getValue().toString();
            List<WebElement> radios = browser.findElements(By.cssSelector("input[type='radio'][id*='Field_" + key + "-']"));
            if (!radios.isEmpty()) {
                chooseRadio(key, value);
                continue;
            }
            List<WebElement> fields = browser.findElements(By.cssSelector("[id$='Field_" + key + "']"));
            if (fields.isEmpty()) {
                notShown.put(key, entry.getValue());
                continue;
            }
            WebElement field = fields.get(0);
            scrollTo(field);
            String type = field.getAttribute("type");
            if (String.valueOf(field.getAttribute("class")).contains("fjs-select-hidden-input")) {
                choose(field, browser.findElement(By.id(field.getAttribute("id") + "-display")), key, value);
            } else if ("checkbox".equals(type)) {
                if (Boolean.parseBoolean(value) != field.isSelected()) {
                    field.click();
                }
            } else if (entry.getValue() instanceof Number) {
                field.clear();
                field.sendKeys(value);
            } else {
                typeText(key, field, value);
            }
        }
        return notShown;
    }

    /**
     * Text is committed the way an input method would (headless chromium has none for Chinese), and
     * form-js takes it when the field loses focus; retried until the field holds it.
     */
    private void typeText(String key, WebElement field, String value) {
        try {
            wait.until(d -> {
                if (value.equals(field.getDomProperty("value"))) {
                    return true;
                }
                ((JavascriptExecutor) d).executeScript("arguments[0].focus(); arguments[0].select();", field);
                ((ChromeDriver) d).executeCdpCommand("Input.insertText", Map.of("text", value));
                // Leaving the field commits it; a TAB would land on the next field and, on a dropdown, open it.
                ((JavascriptExecutor) d).executeScript("arguments[0].blur();", field);
                return false;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("field " + key + " holds '" + field.getDomProperty("value") + "' instead of '" + value + "'", e);
        }
        sleep(150);
    }

    /** A form-js select: open its display and pick the option whose label the form gives the value. */
    private void choose(WebElement input, WebElement display, String key, String value) {
        scrollTo(display);
        String label = OPTION_LABELS.getOrDefault(key, Map.of()).getOrDefault(value, value);
        List<WebElement> options;
        int[] attempts = {0};
        try {
            options = wait.until(d -> {
                List<WebElement> shown = d.findElements(By.cssSelector(".fjs-dropdownlist-item"));
                if (shown.isEmpty()) {
                    // form-js opens the list when its input gains focus: clicking the field's label focuses it.
                    // (A click on the display toggles the list, and once the field has been focused and left
                    // the toggle can be out of step, so it is only the fallback.)
                    if (attempts[0]++ % 2 == 0) {
                        ((JavascriptExecutor) d).executeScript("arguments[0].blur();", input);
                        d.findElement(By.cssSelector("label[for='" + input.getAttribute("id") + "']")).click();
                    } else {
                        display.click();
                    }
                    return null;
                }
                return shown;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            shotQuietly("failure-choosing-" + key);
            throw e;
        }
        for (WebElement option : options) {
            if (option.getText().trim().equals(label)) {
                option.click();
                return;
            }
        }
        throw new AssertionError("no option '" + label + "' for " + key + " among "
                + options.stream().map(WebElement::getText).toList());
    }

    private void chooseRadio(String key, String value) {
        String label = OPTION_LABELS.getOrDefault(key, Map.of()).getOrDefault(value, value);
        WebElement option = waitFor(By.xpath("//label[contains(@for,'Field_" + key + "-')][normalize-space()='" + label + "']"));
        scrollTo(option);
        option.click();
    }

    WebElement waitFor(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            shotQuietly("failure-waiting");
            throw e;
        }
    }

    void click(By by) {
        try {
            WebElement element = wait.until(ExpectedConditions.elementToBeClickable(by));
            // The page footer overlays the bottom of the view: bring the element to the middle first.
            scrollTo(element);
            element.click();
        } catch (org.openqa.selenium.TimeoutException e) {
            shotQuietly("failure-clicking");
            throw e;
        }
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** A screenshot (with the page's HTML beside it) in target/screenshots. */
    void shot(String name) {
        write(SHOTS.resolve(name + ".png"));
        try {
            Files.writeString(SHOTS.resolve(name + ".html"), browser.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A role's main screen for the user guide, from the top of the page. */
    void guideShot(String name) {
        ((JavascriptExecutor) browser).executeScript("document.querySelectorAll('.form-container, .task-details, main')"
                + ".forEach(e => e.scrollTop = 0); window.scrollTo(0, 0);");
        sleep(300);
        write(GUIDE_SHOTS.resolve(name + ".png"));
    }

    private void write(Path file) {
        try {
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void shotQuietly(String name) {
        try {
            shot(name);
        } catch (RuntimeException ignored) {
            // the timeout is the failure worth reporting
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each option's label by field key and value, as the deployed forms give them. */
    private static Map<String, Map<String, String>> optionLabels() {
        Map<String, Map<String, String>> labels = new HashMap<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(f -> f.toString().endsWith(".form")).toList()) {
                collect(new ObjectMapper().readTree(form.toFile()).path("components"), labels);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return labels;
    }

    private static void collect(JsonNode components, Map<String, Map<String, String>> labels) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key") && c.path("values").isArray()) {
                for (JsonNode option : c.path("values")) {
                    labels.computeIfAbsent(c.path("key").asText(), k -> new HashMap<>())
                            .put(option.path("value").asText(), option.path("label").asText());
                }
            }
            collect(c.path("components"), labels);
        }
    }

    /** Field values in the order given, so each run fills the form in the same order. */
    static Map<String, Object> fields(Object... keysAndValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    /** Whether a screenshot for the guide was written at or after the given time. */
    static boolean guideShotSince(String name, long epochMillis) throws IOException {
        Path shot = GUIDE_SHOTS.resolve(name + ".png");
        return Files.exists(shot) && Files.getLastModifiedTime(shot).toMillis() >= epochMillis - 1000;
    }
}
