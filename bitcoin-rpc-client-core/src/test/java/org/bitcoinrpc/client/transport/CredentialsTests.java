package org.bitcoinrpc.client.transport;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bitcoinrpc.client.ClientOptions;
import org.bitcoinrpc.client.RpcAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Credentials#refresh}: the cookie file is re-read only when the refused value is still the
 * current one, so many requests refused together cause one read and are all sent again.
 */
class CredentialsTests {

	@TempDir
	Path dir;

	private Credentials cookie(Path file) {
		return Credentials.from(ClientOptions.builder().url("http://127.0.0.1:8332/").cookieFile(file).build());
	}

	@Test
	void refreshOfTheCurrentValueReadsTheFileAndReportsAChange() throws Exception {
		Path file = Files.writeString(this.dir.resolve(".cookie"), "__cookie__:aaaa");
		Credentials credentials = cookie(file);
		String old = credentials.authorization();
		Files.writeString(file, "__cookie__:bbbb");

		assertThat(credentials.refresh(old)).isTrue();

		assertThat(credentials.authorization()).isEqualTo(Credentials.basic("__cookie__", "bbbb"));
	}

	@Test
	void refreshOfAReplacedValueDoesNotReadTheFileAgain() throws Exception {
		Path file = Files.writeString(this.dir.resolve(".cookie"), "__cookie__:aaaa");
		Credentials credentials = cookie(file);
		String old = credentials.authorization();
		Files.writeString(file, "__cookie__:bbbb");
		assertThat(credentials.refresh(old)).isTrue();
		Files.writeString(file, "__cookie__:cccc");

		// A second request refused with the old value: the new one is already there, no re-read.
		assertThat(credentials.refresh(old)).isTrue();

		assertThat(credentials.authorization()).isEqualTo(Credentials.basic("__cookie__", "bbbb"));
	}

	@Test
	void refreshThatFindsTheSameCookieReportsNoChange() throws Exception {
		Path file = Files.writeString(this.dir.resolve(".cookie"), "__cookie__:aaaa");
		Credentials credentials = cookie(file);

		assertThat(credentials.refresh(credentials.authorization())).isFalse();
		assertThat(credentials.refreshFailure()).isNull();
	}

	@Test
	void failedReReadKeepsTheValueAndSaysWhyWithoutTheSecret() throws Exception {
		Path file = Files.writeString(this.dir.resolve(".cookie"), "__cookie__:aaaa");
		Credentials credentials = cookie(file);
		String old = credentials.authorization();
		Files.writeString(file, "bbbb-no-colon");

		assertThat(credentials.refresh(old)).isFalse();

		assertThat(credentials.authorization()).isEqualTo(old);
		assertThat(credentials.refreshFailure()).contains(file.toString()).doesNotContain("bbbb").doesNotContain("aaaa");
		Files.writeString(file, "__cookie__:cccc");
		assertThat(credentials.refresh(old)).isTrue();
		assertThat(credentials.refreshFailure()).isNull();
	}

	@Test
	void unreadableFirstReadIsNotCached() throws Exception {
		Path file = this.dir.resolve(".cookie");
		Credentials credentials = cookie(file);
		assertThatThrownBy(credentials::authorization).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining(file.toString()).hasMessageContaining("does not exist");
		Files.writeString(file, "   \n");
		assertThatThrownBy(credentials::authorization).isInstanceOf(RpcAuthenticationException.class)
			.hasMessageContaining("is empty");

		Files.writeString(file, "__cookie__:aaaa\n");

		assertThat(credentials.authorization()).isEqualTo(Credentials.basic("__cookie__", "aaaa"));
	}

	@Test
	void fixedCredentialsAndNoneNeverChange() {
		Credentials fixed = Credentials.from(ClientOptions.builder().url("http://127.0.0.1:8332/").credentials("u", "p").build());
		Credentials none = Credentials.from(ClientOptions.builder().url("http://127.0.0.1:8332/").build());

		assertThat(fixed.refresh(fixed.authorization())).isFalse();
		assertThat(none.refresh(null)).isFalse();
	}

}
