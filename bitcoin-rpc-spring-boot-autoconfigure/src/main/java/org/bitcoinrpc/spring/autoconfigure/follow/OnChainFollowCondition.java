package org.bitcoinrpc.spring.autoconfigure.follow;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether to follow the chain: {@code bitcoin.rpc.follow.enabled=true}; or, when that is not set,
 * {@code bitcoin.rpc.notifications.blocks=true} with an {@code http://} or {@code https://}
 * {@code bitcoin.rpc.url}, where there is no websocket to push block notifications and the
 * follower gives the block events instead. An explicit {@code enabled=false} always wins.
 * <p>
 * Only the {@code url} property is looked at: a URL from a
 * {@link org.bitcoinrpc.spring.autoconfigure.BitcoinRpcConnectionDetails} bean is not known
 * while conditions are evaluated (then set {@code bitcoin.rpc.follow.enabled=true}).
 */
class OnChainFollowCondition extends SpringBootCondition {

	static final String ENABLED = "bitcoin.rpc.follow.enabled";

	static final String BLOCKS = "bitcoin.rpc.notifications.blocks";

	static final String URL = "bitcoin.rpc.url";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Bitcoin RPC chain follower");
		Environment environment = context.getEnvironment();
		Boolean enabled = environment.getProperty(ENABLED, Boolean.class);
		if (enabled != null) {
			return enabled ? ConditionOutcome.match(message.because(ENABLED + " is true"))
					: ConditionOutcome.noMatch(message.because(ENABLED + " is false"));
		}
		if (environment.getProperty(BLOCKS, Boolean.class, false) && isHttp(environment.getProperty(URL))) {
			return ConditionOutcome.match(message.because(BLOCKS + " is true and " + URL + " is HTTP"));
		}
		return ConditionOutcome.noMatch(message.because(ENABLED + " is not set and " + BLOCKS
				+ " is not true over HTTP"));
	}

	private static boolean isHttp(@Nullable String url) {
		if (url == null) {
			return false;
		}
		String lower = url.trim().toLowerCase(Locale.ROOT);
		return lower.startsWith("http://") || lower.startsWith("https://");
	}

}
