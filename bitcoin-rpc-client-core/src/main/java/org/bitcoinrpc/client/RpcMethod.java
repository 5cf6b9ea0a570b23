package org.bitcoinrpc.client;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON-RPC method a typed call sends, e.g. {@code @RpcMethod("getblockcount")} on
 * {@link ChainCalls#getBlockCount()} and {@link ChainCalls#getBlockCountAsync()}. It is on both forms
 * of every typed call, so that tools (the coverage table in the README, a check before sending to a
 * node that lacks the method) can find the calls by reflection. Calls that pick one of several
 * methods at run time, such as {@link BitcoinRpcClient#estimateFeeRate(int)}, carry none.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RpcMethod {

	/** The method's name as the node knows it, e.g. {@code "getblockcount"}. */
	String value();

}
