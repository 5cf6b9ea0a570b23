package org.bitcoinrpc.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample as Spring's AOT processing left it ({@code spring-boot:process-aot}, bound to
 * {@code prepare-package}): the packaged jar started with {@code -Dspring.aot.enabled=true} runs on
 * the generated bean definitions, not on the annotations, connects to the demo node and follows its
 * chain. This is as close to a native image as a build without GraalVM gets. And since AOT decided
 * the demo node's condition at build time, a {@code bitcoin.rpc.url} given at run time fails the
 * start-up saying so, rather than being ignored.
 */
class AotProcessedApplicationIT {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	private final List<String> output = new CopyOnWriteArrayList<>();

	private Process process;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.process != null && this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	private void start(Path dataDir, String... arguments) throws IOException {
		Path jar = Path.of("target", "sample-app.jar");
		assertThat(jar).as("the packaged sample (mvn verify runs this after package)").exists();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Dspring.aot.enabled=true", "-jar", jar.toString(), "--server.port=0",
				"--sample.data-dir=" + dataDir, "--sample.demo.block-interval=1s"));
		command.addAll(List.of(arguments));
		this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					this.output.add(line);
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		}, "aot-sample-output");
		reader.setDaemon(true);
		reader.start();
	}

	private boolean printed(String text) {
		return this.output.stream().anyMatch((line) -> line.contains(text));
	}

	@Test
	void theAotProcessedSampleConnectsAndFollowsTheDemoChain(@TempDir Path dataDir) throws IOException {
		start(dataDir);
		await().atMost(START_TIMEOUT).until(() -> printed(" connected: ") || !this.process.isAlive());
		assertThat(this.process.isAlive()).as("still running; output:%n%s", String.join("\n", this.output)).isTrue();
		assertThat(printed("Starting AOT-processed SampleApplication")).as("ran on the generated code").isTrue();
		assertThat(printed("Connected to ws://127.0.0.1:")).isTrue();
		assertThat(this.output).noneMatch((line) -> line.contains(" ERROR "));
	}

	@Test
	void aUrlGivenAtRunTimeFailsTheStartUpInsteadOfBeingIgnored(@TempDir Path dataDir) throws Exception {
		start(dataDir, "--bitcoin.rpc.url=ws://127.0.0.1:1/ws");
		assertThat(this.process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("exited").isTrue();
		assertThat(this.process.exitValue()).isNotZero();
		await().atMost(Duration.ofSeconds(5)).until(() -> printed("was AOT-processed without it"));
		assertThat(printed("BUILT-IN SIMULATED")).isFalse();
	}

}
