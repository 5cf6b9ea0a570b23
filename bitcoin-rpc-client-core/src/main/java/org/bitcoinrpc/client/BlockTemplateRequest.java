package org.bitcoinrpc.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The template request of {@code getblocktemplate} (BIP 22/23). Immutable; start from
 * {@link #segwit()} (what both nodes accept, and what Bitcoin Core requires: without the
 * {@code segwit} rule it answers -8) and change it with the {@code with...} methods.
 *
 * @param mode {@code "template"} (the nodes' default when {@code null}) or {@code "proposal"}
 * @param capabilities the client's capabilities, e.g. {@code coinbasetxn} (btcd with
 *     {@code --miningaddr} then builds the coinbase) or {@code longpoll}; empty for none
 * @param rules the rules the client supports; empty for none
 * @param longPollId the {@code longpollid} of an earlier template, to wait for a newer one;
 *     {@code null} to answer at once
 */
public record BlockTemplateRequest(@Nullable String mode, List<String> capabilities, List<String> rules,
		@Nullable String longPollId) {

	/** Copies the lists and refuses nulls in them. */
	public BlockTemplateRequest {
		capabilities = List.copyOf(Objects.requireNonNull(capabilities, "capabilities must not be null"));
		rules = List.copyOf(Objects.requireNonNull(rules, "rules must not be null"));
	}

	/** {@code {"rules": ["segwit"]}}: a plain template. */
	public static BlockTemplateRequest segwit() {
		return new BlockTemplateRequest(null, List.of(), List.of("segwit"), null);
	}

	/** This request with another mode ({@code null} for the node's default, {@code "template"}). */
	public BlockTemplateRequest withMode(@Nullable String mode) {
		return new BlockTemplateRequest(mode, this.capabilities, this.rules, this.longPollId);
	}

	/** This request with these capabilities. */
	public BlockTemplateRequest withCapabilities(String... capabilities) {
		return new BlockTemplateRequest(this.mode, List.of(capabilities), this.rules, this.longPollId);
	}

	/** This request with these rules (none sends no {@code rules} member, which Core refuses). */
	public BlockTemplateRequest withRules(String... rules) {
		return new BlockTemplateRequest(this.mode, this.capabilities, List.of(rules), this.longPollId);
	}

	/** This request waiting for a template newer than the one with this {@code longpollid}. */
	public BlockTemplateRequest withLongPollId(@Nullable String longPollId) {
		return new BlockTemplateRequest(this.mode, this.capabilities, this.rules, longPollId);
	}

	/** The request object as sent: members that are not set are left out. */
	Map<String, Object> toParam() {
		Map<String, Object> param = new LinkedHashMap<>();
		if (this.mode != null) {
			param.put("mode", this.mode);
		}
		if (!this.capabilities.isEmpty()) {
			param.put("capabilities", this.capabilities);
		}
		if (!this.rules.isEmpty()) {
			param.put("rules", this.rules);
		}
		if (this.longPollId != null) {
			param.put("longpollid", this.longPollId);
		}
		return param;
	}

}
