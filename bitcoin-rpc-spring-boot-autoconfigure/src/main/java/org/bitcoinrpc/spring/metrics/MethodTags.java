package org.bitcoinrpc.spring.metrics;

import java.util.Locale;
import java.util.Set;

/**
 * The bounded {@code method} tag shared by the request timer and the call observations. Free of
 * Micrometer types, so the observations can use it with micrometer-observation alone.
 */
public final class MethodTags {

	/** The {@code method} tag value for methods outside {@link #KNOWN_METHODS}. */
	public static final String OTHER_METHOD = "other";

	/**
	 * Methods tagged by name: btcd's and Bitcoin Core's common read, mempool, network, mining,
	 * fee, wallet and subscription calls.
	 */
	public static final Set<String> KNOWN_METHODS = Set.of(
			// chain and blocks
			"getbestblock", "getbestblockhash", "getblock", "getblockchaininfo", "getblockcount", "getblockhash",
			"getblockheader", "getblockstats", "getchaintips", "getdifficulty", "getcfilter", "getcfilterheader",
			"gettxout", "gettxoutsetinfo", "verifychain",
			// transactions and mempool
			"getrawtransaction", "decoderawtransaction", "decodescript", "createrawtransaction", "sendrawtransaction",
			"testmempoolaccept", "getrawmempool", "getmempoolinfo", "getmempoolentry", "searchrawtransactions",
			// network and node
			"getinfo", "getnetworkinfo", "getzmqnotifications", "getpeerinfo", "getconnectioncount", "getnettotals", "getnodeaddresses",
			"addnode", "node", "ping", "uptime", "help", "version", "session", "authenticate", "stop",
			// mining
			"getmininginfo", "getnetworkhashps", "getblocktemplate", "submitblock", "generate", "generatetoaddress",
			"getgenerate", "setgenerate", "gethashespersec",
			// fees
			"estimatefee", "estimatesmartfee",
			// wallet basics
			"getbalance", "getbalances", "getnewaddress", "getrawchangeaddress", "getaddressinfo", "validateaddress",
			"getwalletinfo", "gettransaction", "listtransactions", "listunspent", "listsinceblock", "sendtoaddress",
			"sendmany", "signrawtransactionwithwallet", "walletpassphrase", "walletlock",
			// btcd websocket subscriptions and rescans
			"notifyblocks", "stopnotifyblocks", "notifynewtransactions", "stopnotifynewtransactions", "notifyspent",
			"stopnotifyspent", "notifyreceived", "stopnotifyreceived", "loadtxfilter", "rescan", "rescanblocks");

	private MethodTags() {
	}

	/**
	 * The {@code method} tag for a method name: itself in lower case if known, else
	 * {@value #OTHER_METHOD}, so the number of time series stays bounded whatever the application
	 * calls.
	 * @param method the RPC method
	 * @return the tag value
	 */
	public static String of(String method) {
		String name = method.toLowerCase(Locale.ROOT);
		return KNOWN_METHODS.contains(name) ? name : OTHER_METHOD;
	}

}
