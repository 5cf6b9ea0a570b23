/**
 * The chain follower in Spring: {@link org.bitcoinrpc.spring.follow.BlockListener} marks a bean's
 * methods as handlers of the best chain's changes, and
 * {@link org.bitcoinrpc.spring.follow.SpringJdbcTransactions} runs the JDBC cursor store in a
 * Spring-managed transaction, which {@code JdbcTemplate} and JPA writes of a
 * {@link org.bitcoinrpc.client.follow.BlockHandler} join.
 */
@NullMarked
package org.bitcoinrpc.spring.follow;

import org.jspecify.annotations.NullMarked;
