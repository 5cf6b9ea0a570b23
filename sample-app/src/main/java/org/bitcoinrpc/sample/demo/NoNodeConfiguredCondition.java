package org.bitcoinrpc.sample.demo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code bitcoin.rpc.url} is not set (in any property source, env var included) and
 * no test asks for a simulated node of its own ({@code @AutoConfigureSimulatedBitcoinNode} sets
 * {@code bitcoin.rpc.test.node.*}).
 */
class NoNodeConfiguredCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return !StringUtils.hasText(context.getEnvironment().getProperty("bitcoin.rpc.url"))
				&& !context.getEnvironment().containsProperty("bitcoin.rpc.test.node.transport");
	}

}
