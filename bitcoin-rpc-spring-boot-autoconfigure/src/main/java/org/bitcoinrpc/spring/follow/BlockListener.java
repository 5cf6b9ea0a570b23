package org.bitcoinrpc.spring.follow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;

/**
 * Marks a method of a bean as a handler of the chain follower's changes of the best chain
 * ({@code bitcoin.rpc.follow.*}), as a {@link org.bitcoinrpc.client.follow.BlockHandler} bean
 * would be, without a bean of its own:
 * <pre>{@code
 * @Component
 * class Payments {
 *
 *     @BlockListener
 *     void on(Notification.BlockConnected block) {
 *         credit(block.hash(), block.height());
 *     }
 *
 *     @BlockListener
 *     void on(Notification.BlockDisconnected block, @Nullable BlockWithTransactions whole) {
 *         reverse(block.hash());
 *     }
 *
 * }
 * }</pre>
 * The method returns {@code void} and takes one of
 * {@link org.bitcoinrpc.client.Notification.BlockChange Notification.BlockChange} (every change),
 * {@link org.bitcoinrpc.client.Notification.BlockConnected Notification.BlockConnected} or
 * {@link org.bitcoinrpc.client.Notification.BlockDisconnected Notification.BlockDisconnected}
 * (only those), optionally followed by the block with its transactions,
 * {@link org.bitcoinrpc.client.model.BlockWithTransactions BlockWithTransactions}: one such method
 * turns the follower's full-block mode on, as a
 * {@link org.bitcoinrpc.client.follow.FullBlockHandler FullBlockHandler} bean does. The block is
 * {@code null} only for a disconnected block the node cannot give (Core with pruned data). Any other
 * signature fails the start-up.
 * <p>
 * The methods run on the follower's thread, after the {@code BlockHandler} and
 * {@code FullBlockHandler} beans and before the block events: bean by bean in {@code @Order}
 * (or {@link org.springframework.core.Ordered}; equal ones as the beans were registered), each
 * bean's methods as declared in its source. They are called on the bean as the context holds it,
 * proxy included, so {@code @Transactional} on the method applies. An exception thrown by the
 * method, checked or not, fails the block exactly as a {@code BlockHandler}'s does: the block is
 * retried, the follower stopped or the block skipped, as {@code bitcoin.rpc.follow.failure-policy}
 * says, and nothing after it is delivered first.
 * <p>
 * Only looked for while the chain follower is on ({@code bitcoin.rpc.follow.enabled}).
 * <p>
 * The methods are called by reflection; the annotation is {@link Reflective @Reflective}, as
 * {@code @EventListener} is, so that Spring's AOT processing keeps them callable in a native image.
 */
@Target({ ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective
public @interface BlockListener {

}
