/**
 * The chain follower in Spring's transactions: {@link org.bitcoinrpc.spring.follow.SpringJdbcTransactions}
 * runs the JDBC cursor store in a Spring-managed transaction, which {@code JdbcTemplate} and JPA
 * writes of a {@link org.bitcoinrpc.client.follow.BlockHandler} join.
 */
@NullMarked
package org.bitcoinrpc.spring.follow;

import org.jspecify.annotations.NullMarked;
