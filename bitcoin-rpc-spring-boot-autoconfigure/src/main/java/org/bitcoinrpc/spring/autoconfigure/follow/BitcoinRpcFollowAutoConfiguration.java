package org.bitcoinrpc.spring.autoconfigure.follow;

import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.event.ChainFollowerEventPublisher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for following the chain
 * ({@code bitcoin.rpc.follow.*}): a {@link ChainFollower} over the client that delivers every block
 * of the best chain once, in order, to every {@link BlockHandler} bean and as
 * {@code BlockConnectedEvent} and {@code BlockDisconnectedEvent}.
 * <p>
 * Registers, unless there is one:
 * <ul>
 * <li>a {@link CursorStore} ({@code bitcoin.rpc.follow.store}: {@code memory} or {@code file});</li>
 * <li>a {@link ChainFollowerEventPublisher}, whose presence also stops the client's own block
 * notifications from being published (they would repeat the follower's);</li>
 * <li>a {@link BitcoinRpcFollowLifecycle} that runs the follower while the context runs.</li>
 * </ul>
 * Active with {@code bitcoin.rpc.follow.enabled=true}, or, unless that is {@code false}, with
 * {@code bitcoin.rpc.notifications.blocks=true} and an HTTP URL, when there is one
 * {@link BitcoinRpcClient}.
 */
@AutoConfiguration(after = BitcoinRpcAutoConfiguration.class)
@ConditionalOnClass(ChainFollower.class)
@Conditional(OnChainFollowCondition.class)
@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
@EnableConfigurationProperties(BitcoinRpcProperties.class)
public final class BitcoinRpcFollowAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CursorStore bitcoinRpcCursorStore(BitcoinRpcProperties properties) {
		return FollowOptionsFactory.cursorStore(properties.getFollow());
	}

	@Bean
	@ConditionalOnMissingBean
	ChainFollowerEventPublisher bitcoinRpcChainFollowerEventPublisher(BitcoinRpcClient client,
			ApplicationEventPublisher applicationEventPublisher) {
		return new ChainFollowerEventPublisher(client, applicationEventPublisher);
	}

	@Bean
	@ConditionalOnMissingBean
	BitcoinRpcFollowLifecycle bitcoinRpcFollowLifecycle(BitcoinRpcClient client, BitcoinRpcProperties properties,
			CursorStore cursorStore, ObjectProvider<BlockHandler> handlers, ChainFollowerEventPublisher events) {
		return new BitcoinRpcFollowLifecycle(client, properties, cursorStore, handlers, events);
	}

}
