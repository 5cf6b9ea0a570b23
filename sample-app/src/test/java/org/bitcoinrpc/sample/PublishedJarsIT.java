package org.bitcoinrpc.sample;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published artifacts as a user gets them: each jar of the reactor (on this module's class path
 * as a jar, since failsafe runs after {@code package}) has its {@code Automatic-Module-Name}, the JDK
 * derives the same module name from it, no package is split across them, and bitcoin-rpc-bom manages
 * exactly these artifacts. Run by {@code mvn verify} (failsafe), not by {@code mvn test}, before which
 * the other modules' jars do not exist.
 */
class PublishedJarsIT {

	/** Published artifact to its module name. */
	private static final Map<String, String> PUBLISHED = new LinkedHashMap<>();

	static {
		PUBLISHED.put("bitcoin-rpc-client-core", "org.bitcoinrpc.client");
		PUBLISHED.put("bitcoin-rpc-test", "org.bitcoinrpc.test");
		PUBLISHED.put("bitcoin-rpc-spring-boot-autoconfigure", "org.bitcoinrpc.spring.autoconfigure");
		PUBLISHED.put("bitcoin-rpc-spring-boot-starter", "org.bitcoinrpc.spring.starter");
		PUBLISHED.put("bitcoin-rpc-spring-boot-test", "org.bitcoinrpc.spring.test");
	}

	@Test
	void everyPublishedJarHasItsAutomaticModuleName() throws IOException, URISyntaxException {
		Map<String, Path> jars = publishedJarsOnClassPath();
		assertThat(jars.keySet()).containsExactlyInAnyOrderElementsOf(PUBLISHED.keySet());
		Map<String, String> packageOwners = new HashMap<>();
		for (Map.Entry<String, Path> jar : jars.entrySet()) {
			Set<ModuleReference> found = ModuleFinder.of(jar.getValue()).findAll();
			assertThat(found).as("module in %s", jar.getValue()).hasSize(1);
			ModuleDescriptor descriptor = found.iterator().next().descriptor();
			assertThat(descriptor.isAutomatic()).as("%s is an automatic module", jar.getValue()).isTrue();
			// Without the manifest entry the JDK would derive a name from the file name instead.
			assertThat(descriptor.name()).as("module name of %s", jar.getValue()).isEqualTo(PUBLISHED.get(jar.getKey()));
			for (String pkg : descriptor.packages()) {
				String other = packageOwners.put(pkg, jar.getKey());
				assertThat(other).as("package %s split between %s and %s", pkg, other, jar.getKey()).isNull();
			}
		}
	}

	@Test
	void theBomManagesExactlyThePublishedArtifacts() throws IOException {
		String bom = Files.readString(Path.of("..", "bitcoin-rpc-bom", "pom.xml"));
		assertThat(bom).as("the BOM must not inherit the parent's dependencyManagement").doesNotContain("<parent>");
		Set<String> managed = new TreeSet<>();
		Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>\\s*<version>\\$\\{project.version}</version>").matcher(bom);
		while (m.find()) {
			managed.add(m.group(1));
		}
		assertThat(managed).containsExactlyInAnyOrderElementsOf(PUBLISHED.keySet());
	}

	/** The jars whose file name is a published artifact's, found through their manifests. */
	private static Map<String, Path> publishedJarsOnClassPath() throws IOException, URISyntaxException {
		Map<String, Path> jars = new HashMap<>();
		Set<String> directories = new HashSet<>();
		Enumeration<URL> manifests = PublishedJarsIT.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
		while (manifests.hasMoreElements()) {
			URL url = manifests.nextElement();
			if (!"jar".equals(url.getProtocol())) {
				directories.add(url.toString());
				continue;
			}
			Path jar = Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
			String file = jar.getFileName().toString();
			for (String artifact : PUBLISHED.keySet()) {
				if (file.matches(Pattern.quote(artifact) + "-\\d.*\\.jar")) {
					jars.put(artifact, jar);
				}
			}
		}
		assertThat(jars).as("published jars on the class path; manifests outside jars: %s", directories).isNotEmpty();
		return jars;
	}
}
