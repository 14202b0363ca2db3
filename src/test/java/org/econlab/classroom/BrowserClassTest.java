package org.econlab.classroom;

import com.google.gson.JsonObject;

import org.econlab.agents.RunContext;
import org.econlab.simulation.RunRecordWriter;
import org.econlab.simulation.Scenario;
import org.econlab.simulation.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Three real browsers (headless Chromium through Selenium) join a class, choose hours with the slider, stand and
 * vote; the run record shows their decisions; one browser closes mid-run and its seat keeps its hours; a forged and a
 * replayed token are refused. Skipped with a message when Debian's {@code chromium} and {@code chromium-driver} are
 * not installed ({@code .ci/run} installs them). The student page on a phone-sized screen is saved to
 * {@code target/classroom-student-phone.png}.
 */
class BrowserClassTest {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROME_BIN", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final List<WebDriver> browsers = new ArrayList<>();
    private ClassSession session;
    private ClassServer server;

    @BeforeEach
    void needsChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "browser tests skipped: no " + CHROMIUM
                + " or " + DRIVER + " (apt-get install chromium chromium-driver; .ci/run does)");
    }

    @AfterEach
    void close() {
        for (WebDriver b : browsers) {
            try {
                b.quit();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        if (server != null) {
            server.close();
        }
    }

    static WebDriver browser(Path profile, int width, int height) throws Exception {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toFile());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + Files.createDirectories(profile), "--window-size=" + width + "," + height,
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        WebDriver d = new ChromeDriver(service, o);
        d.manage().window().setSize(new Dimension(width, height));
        return d;
    }

    private static WebDriverWait waitFor(WebDriver d, int seconds) {
        return new WebDriverWait(d, Duration.ofSeconds(seconds), Duration.ofMillis(50));
    }

    private static void join(WebDriver d, String url, String nickname) {
        d.get(url);
        WebElement nick = waitFor(d, 20).until(x -> {
            WebElement e = x.findElement(By.id("nickname"));
            return e.isDisplayed() ? e : null;
        });
        nick.sendKeys(nickname);
        d.findElement(By.id("join-button")).click();
        waitFor(d, 20).until(x -> x.findElement(By.id("who")).getText().startsWith(nickname));
    }

    private static final Pattern WORKER = Pattern.compile("worker (\\d+)");
    private static final Pattern STEP = Pattern.compile("(?:Step|step) (\\d+)");

    private static int number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** One look at a browser: answers the open round if it has not yet. Returns what it did, or null. */
    private static String act(WebDriver d, int index, Map<WebDriver, String> answered) {
        WebElement round = d.findElement(By.id("round"));
        if (!round.isDisplayed()) {
            return null;
        }
        String title = d.findElement(By.id("round-title")).getText();
        String key = title;
        if (key.equals(answered.get(d))) {
            return null;
        }
        int worker = number(WORKER, d.findElement(By.id("who")).getText());
        int step = number(STEP, title);
        if (worker < 0 || step < 0) {
            return null;
        }
        if (d.findElement(By.id("hours-form")).isDisplayed()) {
            double h = ClassroomRunTest.hoursOf(worker, step);
            WebElement slider = d.findElement(By.id("hours-slider"));
            ((JavascriptExecutor) d).executeScript("arguments[0].value = arguments[1];"
                    + " arguments[0].dispatchEvent(new Event('input'));", slider, String.valueOf((int) h));
            d.findElement(By.id("submit-hours")).click();
        } else if (d.findElement(By.id("candidacy-form")).isDisplayed()) {
            if (index == 0) {
                if (!d.findElement(By.id("stand-checkbox")).isSelected()) {
                    d.findElement(By.id("stand-checkbox")).click();
                }
                new org.openqa.selenium.support.ui.Select(d.findElement(By.id("platform-0"))).selectByValue("-10");
            }
            d.findElement(By.id("submit-candidacy")).click();
        } else if (d.findElement(By.id("vote-form")).isDisplayed()) {
            List<WebElement> options = d.findElements(By.cssSelector("input[name=vote]"));
            if (options.isEmpty()) {
                return null;
            }
            options.get(0).click();
            d.findElement(By.id("submit-vote")).click();
        } else if (d.findElement(By.id("leader-form")).isDisplayed()) {
            d.findElement(By.id("submit-leader")).click();
        } else {
            return null;
        }
        answered.put(d, key); // the page shows "sent" until the round closes, which the last answer may do at once
        return key;
    }

    /** The phone-sized page during an hours round: the top, then scrolled to the charts. */
    private static void shoot(WebDriver b) throws Exception {
        Thread.sleep(300);
        File top = ((TakesScreenshot) b).getScreenshotAs(OutputType.FILE);
        Files.copy(top.toPath(), Path.of("target", "classroom-student-phone.png"), StandardCopyOption.REPLACE_EXISTING);
        ((JavascriptExecutor) b).executeScript("document.getElementById('history-chart').scrollIntoView();");
        Thread.sleep(200);
        File charts = ((TakesScreenshot) b).getScreenshotAs(OutputType.FILE);
        Files.copy(charts.toPath(), Path.of("target", "classroom-student-phone-charts.png"),
                StandardCopyOption.REPLACE_EXISTING);
        ((JavascriptExecutor) b).executeScript("window.scrollTo(0, 0);");
    }

    @Test
    void threeBrowsersJoinChooseHoursVoteAndTheRecordShowsTheirDecisions(@TempDir Path dir) throws Exception {
        session = new ClassSession(3, 60);
        server = ClassServer.start(session, InetAddress.getLoopbackAddress(), 0);
        String url = server.urlWithCode().toString();
        String[] nicks = {"Ada", "Bo", "Cy"};
        for (int i = 0; i < 3; i++) {
            WebDriver b = i == 0 ? browser(dir.resolve("profile-" + i), 390, 844) : browser(dir.resolve("profile-" + i),
                    1024, 768);
            browsers.add(b);
            join(b, url, nicks[i]);
        }
        assertEquals(3, session.students().size());
        // the teacher's prompt for the class shows on every page, as plain text (never markup)
        String prompt = "Step 1 — <b>how many hours</b> pay best after tax?";
        session.setPrompt(prompt);
        for (WebDriver b : browsers) {
            waitFor(b, 20).until(x -> x.findElement(By.id("prompt")).isDisplayed()
                    && x.findElement(By.id("prompt")).getText().equals(prompt));
        }

        Scenario scenario = ClassScenario.of(ClassroomRunTest.base(9, 6, 3, true), 3, HumanWorkers.CADENCE_STEP);
        Path record = dir.resolve("record");
        Simulation sim = new Simulation(scenario, false, RunContext.create().with(HumanInputs.class, session));
        sim.addListener(new RunRecordWriter(record));
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread runner = new Thread(() -> {
            try {
                sim.runToEnd();
            } catch (Throwable t) {
                failed.set(t);
            }
        }, "class-run");
        runner.start();

        Map<WebDriver, String> answered = new HashMap<>();
        WebDriver leaving = browsers.get(2);
        int cyWorker = number(WORKER, leaving.findElement(By.id("who")).getText());
        boolean screenshot = false;
        long until = System.nanoTime() + 150_000_000_000L;
        while (runner.isAlive() && System.nanoTime() < until) {
            for (int i = 0; i < browsers.size(); i++) {
                WebDriver b = browsers.get(i);
                if (b == leaving && sim.currentStep() >= 3) {
                    b.quit(); // Cy closes the browser after step 2: the seat stays, its hours are kept
                    browsers.remove(i--);
                    continue;
                }
                try {
                    if (i == 0 && !screenshot && b.findElement(By.id("hours-form")).isDisplayed()
                            && b.findElement(By.id("round-title")).getText().startsWith("Step 5")) {
                        assertTrue(b.findElement(By.id("prompt")).getLocation().getY()
                                < b.findElement(By.id("round")).getLocation().getY(), "the prompt is above the round");
                        shoot(b);
                        screenshot = true;
                    }
                    act(b, i, answered);
                } catch (org.openqa.selenium.StaleElementReferenceException
                         | org.openqa.selenium.ElementNotInteractableException
                         | org.openqa.selenium.TimeoutException e) {
                    // the page changed under us (a round closed): look again
                }
            }
            Thread.sleep(20);
        }
        runner.join(30_000);
        assertNull(failed.get(), () -> "the run failed: " + failed.get());
        assertFalse(runner.isAlive(), "the run finished");
        assertTrue(screenshot, "a screenshot of the phone-sized page was taken");

        int hoursAnswered = 0;
        int votes = 0;
        int candidacies = 0;
        for (JsonObject e : ClassroomRunTest.humanEvents(record)) {
            int step = e.get("step").getAsInt();
            int agent = e.get("agent").getAsInt();
            switch (e.get("event").getAsString()) {
                case "human_hours" -> {
                    if (agent == cyWorker && step >= 3) {
                        assertFalse(e.get("answered").getAsBoolean(), "Cy's closed browser did not answer: " + e);
                    } else {
                        assertTrue(e.get("answered").getAsBoolean(), e.toString());
                        assertEquals(ClassroomRunTest.hoursOf(agent, step), e.get("hours").getAsDouble(), 0.0);
                        hoursAnswered++;
                    }
                }
                case "human_vote" -> {
                    if (!(agent == cyWorker && step >= 3)) {
                        assertTrue(e.get("answered").getAsBoolean(), e.toString());
                        votes++;
                    }
                }
                case "human_candidacy" -> candidacies += e.has("platform") && e.get("platform").isJsonArray() ? 1 : 0;
                default -> {
                }
            }
        }
        assertEquals(3 * 3 + 2 * 3, hoursAnswered, "3 browsers x steps 0-2, then 2 browsers x steps 3-5");
        assertEquals(3 + 2, votes, "elections at steps 0 and 3");
        assertEquals(2, candidacies, "Ada stood in both elections");
        // the closed browser's worker played its step-2 hours to the end (the replay plays what the record says)
        RecordedHumanInputs recorded = RecordedHumanInputs.read(record);
        Simulation again = new Simulation(recorded.scenario(), false, RunContext.create().with(HumanInputs.class,
                recorded));
        List<Double> cyHours = new ArrayList<>();
        again.addListener(s -> cyHours.add(again.state().hours()[cyWorker]));
        again.runToEnd();
        for (int k = 3; k < cyHours.size(); k++) {
            assertEquals(ClassroomRunTest.hoursOf(cyWorker, 2), cyHours.get(k), 0.0, "step " + k);
        }
        assertEquals(Files.readString(record.resolve(RunRecordWriter.STEPS)).length() > 0, true);

        // the teacher clears the prompt: it goes from the page
        WebDriver ada = browsers.get(0);
        session.setPrompt(null);
        waitFor(ada, 20).until(x -> !x.findElement(By.id("prompt")).isDisplayed());
        // a forged token in the browser is refused: the page asks to join again
        ((JavascriptExecutor) ada).executeScript("localStorage.setItem('econlab-class-token:' + location.host,"
                + " 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');");
        ada.navigate().refresh();
        waitFor(ada, 20).until(x -> x.findElement(By.id("join")).isDisplayed());
        assertTrue(ada.findElement(By.id("error")).getText().contains("not (or no longer) yours"),
                ada.findElement(By.id("error")).getText());
        // a replayed token (Bo leaves, then puts the old token back) is refused too
        WebDriver bo = browsers.get(1);
        String boToken = (String) ((JavascriptExecutor) bo).executeScript(
                "return localStorage.getItem('econlab-class-token:' + location.host);");
        bo.findElement(By.id("leave-button")).click();
        waitFor(bo, 20).until(x -> x.findElement(By.id("join")).isDisplayed());
        ((JavascriptExecutor) bo).executeScript("localStorage.setItem('econlab-class-token:' + location.host,"
                + " arguments[0]);", boToken);
        bo.navigate().refresh();
        waitFor(bo, 20).until(x -> x.findElement(By.id("join")).isDisplayed()
                && x.findElement(By.id("error")).getText().contains("no longer"));
        assertTrue(session.students().stream().noneMatch(s -> s.nickname().equals("Bo")));
    }
}
