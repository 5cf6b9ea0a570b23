package org.bitcoinrpc.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.bitcoinrpc.sample.demo.DemoMiner;
import org.bitcoinrpc.test.SimulatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's live page at {@code /} in a real browser: Debian's headless Chromium, driven by
 * Selenium through the system's {@code chromedriver} (never one downloaded: the driver's path is
 * given, so Selenium Manager is not run). The app runs as {@code ./run-sample-app.sh} runs it, on
 * its built-in demo node, mining every {@value #BLOCK_INTERVAL}; the page must follow the tip, show
 * the node going away and coming back, reconnect by itself when the app itself restarts, and strike
 * a block that a reorganisation removes. Screenshots go to {@code target/}.
 * <p>
 * The app is started with {@link SpringApplication#run} rather than {@code @SpringBootTest}: the
 * test stops it and starts it again on the same port and data directory, as a user restarting it.
 */
class LivePageBrowserTests {

	private static final Logger logger = LoggerFactory.getLogger(LivePageBrowserTests.class);

	/** Where Debian's chromium-driver puts the driver; .ci/run installs it when it is missing. */
	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final String BLOCK_INTERVAL = "1s";

	/** Generous: two cores shared with other builds, and the page's own backoff reaches 10 s. */
	private static final Duration WAIT = Duration.ofSeconds(45);

	@TempDir
	Path dataDirectory;

	@TempDir
	Path browserProfile;

	private WebDriver browser;

	@BeforeEach
	void startBrowser() {
		// Fails, never skips: a missing browser must not turn this test into a silent pass.
		assertThat(CHROMEDRIVER)
			.as("The live page's browser test needs Debian's Chromium and its driver: "
					+ "apt-get install chromium chromium-driver (.ci/run does it when %s is missing)", CHROMEDRIVER)
			.isExecutable();
		assertThat(CHROMIUM).as("apt-get install chromium chromium-driver").isExecutable();
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// Nothing leaves the machine: no background requests, updates, sync or QUIC probes; a fresh profile.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1200,1000", "--user-data-dir=" + this.browserProfile);
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	private ConfigurableApplicationContext runApp(int port) {
		return SpringApplication.run(SampleApplication.class, "--server.port=" + port,
				"--sample.demo.block-interval=" + BLOCK_INTERVAL, "--sample.data-dir=" + this.dataDirectory,
				"--management.server.port=-1",
				// The node comes back within a second of its restart, not after the default 5 s.
				"--bitcoin.rpc.reconnect.initial-delay=200ms", "--bitcoin.rpc.reconnect.max-delay=1s");
	}

	@Test
	void thePageFollowsTheTipSeesTheNodeGoAndComeBackAndReconnectsWhenTheAppRestarts() throws IOException {
		long started = System.nanoTime();
		int port;
		long heightBeforeRestart;
		try (ConfigurableApplicationContext app = runApp(0)) {
			port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
			SimulatedNode node = app.getBean(SimulatedNode.class);
			this.browser.get("http://127.0.0.1:" + port + "/");

			// The tip, then new blocks on top of it, newest first.
			waitFor("the page to show the node connected and a tip", (page) -> state().equals("connected") && tipHeight() > 0);
			long first = tipHeight();
			waitFor("three more blocks", (page) -> tipHeight() >= first + 3 && blockHeights().size() >= 4);
			List<Long> heights = blockHeights();
			assertThat(heights).as("newest on top, one row per height").isSortedAccordingTo((a, b) -> Long.compare(b, a))
				.doesNotHaveDuplicates();
			assertThat(heights.get(0)).isGreaterThanOrEqualTo(first + 3);
			assertThat(text("tip-hash")).matches("[0-9a-f]{16}…[0-9a-f]{8}");
			assertThat(attribute("tip-hash", "title")).matches("[0-9a-f]{64}");
			assertThat(text("tip-age")).as("a block mined a moment ago").matches("just now|\\d s ago");
			assertThat(attribute("lag", "data-lag")).as("the follower's lag, a number").matches("\\d+");
			// The follower fetches whole blocks (follow.with-transactions): each has at least its coinbase.
			assertThat(script("return document.querySelector('#blocks tr[data-height]').cells[3].textContent")).matches("[1-9]\\d*");
			// Nothing but the app itself was asked for anything: no font, script or style from elsewhere.
			@SuppressWarnings("unchecked")
			List<String> fetched = (List<String>) ((JavascriptExecutor) this.browser)
				.executeScript("return performance.getEntriesByType('resource').map((r) => r.name)");
			assertThat(fetched).contains("http://127.0.0.1:" + port + "/app.css", "http://127.0.0.1:" + port + "/app.js")
				.allMatch((url) -> url.startsWith("http://127.0.0.1:" + port + "/"));

			// The node goes away: the app's client reconnects, and the page says so.
			node.stop();
			waitFor("the page to show the node's connection lost",
					(page) -> List.of("reconnecting", "disconnected").contains(state()));
			assertThat(text("state-detail")).startsWith("node unreachable");
			screenshot("live-page-node-down.png");
			node.start();
			waitFor("the page to show the node connected again", (page) -> state().equals("connected"));
			long afterNodeRestart = tipHeight();
			waitFor("new blocks after the node's restart", (page) -> tipHeight() >= afterNodeRestart + 2);
			waitFor("a transaction", (page) -> Long.parseLong(attribute("tx-count", "data-count")) > 0);
			screenshot("live-page.png");
			heightBeforeRestart = tipHeight();
		}

		// The app goes away: the page's own socket closes, and the page keeps trying.
		waitFor("the page to show the app gone", (page) -> state().equals("disconnected")
				&& attribute("app-state", "data-state").equals("closed"));
		assertThat(text("state-detail")).startsWith("app unreachable, ");
		try (ConfigurableApplicationContext app = runApp(port)) {
			waitFor("the page to reconnect by itself to the restarted app",
					(page) -> state().equals("connected") && attribute("app-state", "data-state").equals("open"));
			waitFor("blocks mined after the app's restart", (page) -> tipHeight() > heightBeforeRestart + 1);

			// A reorganisation: the page strikes the block that left the chain and shows the new tip. Last,
			// since the demo node rebuilds its chain at each start without the competing branch; the miner
			// is stopped first, so the block replaced is one the page has shown.
			app.getBean(DemoMiner.class).stop();
			SimulatedNode node = app.getBean(SimulatedNode.class);
			waitFor("the page to show the node's tip", (page) -> attribute("tip-hash", "title").equals(node.bestBlockHash()));
			String replaced = node.bestBlockHash();
			List<String> branch = node.reorg(1);
			waitFor("the replaced block struck and the new branch's tip shown",
					(page) -> attribute("tip-hash", "title").equals(branch.get(branch.size() - 1))
							&& "disconnected".equals(script("return document.querySelector('#blocks tr[data-hash=\"" + replaced
									+ "\"]')?.className")));
			assertThat(blockHeights().subList(0, 2)).containsExactly(tipHeight(), tipHeight() - 1);
			screenshot("live-page-reorg.png");
		}
		logger.info("The live page's browser test took {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private void waitFor(String what, Function<WebDriver, Boolean> condition) throws IOException {
		try {
			new WebDriverWait(this.browser, WAIT).withMessage(() -> what + "; the page's state is " + state() + " ("
					+ text("state-detail") + "), tip " + text("tip-height") + ", blocks " + blockHeights())
				.ignoring(StaleElementReferenceException.class)
				.until(condition);
		}
		catch (TimeoutException ex) {
			screenshot("live-page-failure.png"); // what the page showed instead
			throw ex;
		}
	}

	private String state() {
		return attribute("state", "data-state");
	}

	private long tipHeight() {
		String height = attribute("tip-height", "data-height");
		return height.isEmpty() ? -1 : Long.parseLong(height);
	}

	/** The heights listed, top to bottom, read at once (the list is rebuilt as blocks arrive). */
	@SuppressWarnings("unchecked")
	private List<Long> blockHeights() {
		return (List<Long>) ((JavascriptExecutor) this.browser).executeScript(
				"return [...document.querySelectorAll('#blocks tr[data-height]:not(.disconnected)')].map((row) => Number(row.dataset.height));");
	}

	private String script(String script) {
		return String.valueOf(((JavascriptExecutor) this.browser).executeScript(script));
	}

	private String attribute(String id, String name) {
		String value = this.browser.findElement(By.id(id)).getDomAttribute(name);
		return (value != null) ? value : "";
	}

	private String text(String id) {
		return this.browser.findElement(By.id(id)).getText();
	}

	/** Under target/, for a look after the build (docs/live-page.png is one of these, copied by hand). */
	private void screenshot(String name) throws IOException {
		Path file = Path.of("target", name);
		Files.createDirectories(file.getParent());
		Files.copy(((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath(), file,
				StandardCopyOption.REPLACE_EXISTING);
		logger.info("Screenshot of the live page: {}", file.toAbsolutePath());
	}

}
