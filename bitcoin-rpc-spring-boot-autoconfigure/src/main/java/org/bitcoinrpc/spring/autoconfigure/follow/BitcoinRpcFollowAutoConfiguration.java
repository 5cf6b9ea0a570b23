package org.bitcoinrpc.spring.autoconfigure.follow;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.client.BitcoinRpcClient;
import org.bitcoinrpc.client.follow.BlockHandler;
import org.bitcoinrpc.client.follow.FullBlockHandler;
import org.bitcoinrpc.client.follow.ChainFollower;
import org.bitcoinrpc.client.follow.CursorStore;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.BitcoinRpcProperties;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqAutoConfiguration;
import org.bitcoinrpc.spring.autoconfigure.zmq.BitcoinRpcZmqLifecycle;
import org.bitcoinrpc.spring.event.ChainFollowerEventPublisher;
import org.bitcoinrpc.spring.follow.SpringJdbcTransactions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for following the chain
 * ({@code bitcoin.rpc.follow.*}): a {@link ChainFollower} over the client that delivers every block
 * of the best chain once, in order, to every {@link BlockHandler} bean, {@link FullBlockHandler}
 * bean and {@link org.bitcoinrpc.spring.follow.BlockListener @BlockListener} method, and as
 * {@code BlockConnectedEvent} and {@code BlockDisconnectedEvent}.
 * <p>
 * Registers, unless there is one:
 * <ul>
 * <li>a {@link CursorStore} ({@code bitcoin.rpc.follow.store}: {@code memory}, {@code file}, or
 * {@code jdbc}: in the application's {@link DataSource}, in Spring-managed transactions that the
 * handlers' {@code JdbcTemplate} writes join, with spring-jdbc on the class path);</li>
 * <li>a {@link ChainFollowerEventPublisher}, whose presence also stops the client's own block
 * notifications from being published (they would repeat the follower's);</li>
 * <li>a {@link BitcoinRpcFollowLifecycle} that runs the follower while the context runs, woken as
 * {@code bitcoin.rpc.follow.source} says (with ZMQ, by the {@link BitcoinRpcZmqLifecycle}).</li>
 * </ul>
 * Active with {@code bitcoin.rpc.follow.enabled=true}, or, unless that is {@code false}, with
 * {@code bitcoin.rpc.notifications.blocks=true} and an HTTP URL, when there is one
 * {@link BitcoinRpcClient}.
 */
@AutoConfiguration(after = { BitcoinRpcAutoConfiguration.class, BitcoinRpcZmqAutoConfiguration.class },
		// After the DataSource and its transaction manager, for the jdbc store; by name, as
		// spring-boot-jdbc and spring-boot-hibernate are optional.
		afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" })
@ConditionalOnClass(ChainFollower.class)
@Conditional(OnChainFollowCondition.class)
@ConditionalOnSingleCandidate(BitcoinRpcClient.class)
@EnableConfigurationProperties(BitcoinRpcProperties.class)
public final class BitcoinRpcFollowAutoConfiguration {

	/** The memory and file stores; {@code jdbc} lands here only without spring-jdbc, and fails saying so. */
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
			CursorStore cursorStore, ObjectProvider<BlockHandler> handlers,
			ObjectProvider<FullBlockHandler> fullBlockHandlers, ChainFollowerEventPublisher events,
			ObjectProvider<BitcoinRpcZmqLifecycle> zmq, BlockListenerMethodProcessor blockListeners) {
		BitcoinRpcFollowLifecycle lifecycle = new BitcoinRpcFollowLifecycle(client, properties, cursorStore, handlers,
				fullBlockHandlers, events, zmq.getIfUnique());
		lifecycle.setBlockListeners(blockListeners);
		return lifecycle;
	}

	/**
	 * Finds the {@code @BlockListener} methods once every singleton exists, for the lifecycle. Not
	 * a post-processor: it looks at the beans only when they are all made.
	 */
	@Bean
	@ConditionalOnMissingBean
	BlockListenerMethodProcessor bitcoinRpcBlockListenerMethodProcessor() {
		return new BlockListenerMethodProcessor();
	}

	/**
	 * {@code store=jdbc}. A member class, so registered before the outer class's store bean, which
	 * then backs off; without spring-jdbc it does not apply and that bean fails naming the property.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ DataSourceUtils.class, TransactionTemplate.class })
	@ConditionalOnProperty(name = FollowOptionsFactory.PREFIX + "store", havingValue = "jdbc")
	static class JdbcCursorStoreConfiguration {

		private static final Log logger = LogFactory.getLog(JdbcCursorStoreConfiguration.class);

		/**
		 * The store in the application's {@code DataSource}, in transactions of its transaction
		 * manager: the unique (or primary) one, else one of the store's own over the
		 * {@code DataSource}, whose transactions {@code JdbcTemplate} joins just the same.
		 */
		@Bean
		@ConditionalOnMissingBean
		CursorStore bitcoinRpcCursorStore(BitcoinRpcProperties properties, ObjectProvider<DataSource> dataSources,
				ObjectProvider<PlatformTransactionManager> transactionManagers) {
			DataSource dataSource = dataSources.getIfUnique();
			if (dataSource == null) {
				boolean none = !dataSources.iterator().hasNext();
				throw new InvalidConfigurationPropertyValueException(FollowOptionsFactory.PREFIX + "store", "jdbc",
						(none ? "Needs a DataSource bean, and there is none" : "Needs one DataSource bean, and there are "
								+ "several with none @Primary")
								+ ": configure spring.datasource.* (with spring-boot-starter-jdbc), mark one @Primary, "
								+ "define a CursorStore bean of your own, or use memory or file");
			}
			PlatformTransactionManager transactionManager = transactionManagers
				.getIfUnique(() -> new DataSourceTransactionManager(dataSource));
			CursorStore store = FollowOptionsFactory.jdbcCursorStore(properties.getFollow(),
					new SpringJdbcTransactions(dataSource, transactionManager));
			logger.info("Follower cursors in table " + properties.getFollow().getTable().trim()
					+ " of the application's DataSource, in transactions of "
					+ transactionManager.getClass().getSimpleName() + " that BlockHandler writes with JdbcTemplate join");
			return store;
		}

	}

}
