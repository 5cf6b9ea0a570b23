package org.bitcoinrpc.spring.aot;

import java.util.List;

import org.bitcoinrpc.client.model.AddressValidation;
import org.bitcoinrpc.client.model.Balances;
import org.bitcoinrpc.client.model.Bip9SoftFork;
import org.bitcoinrpc.client.model.Block;
import org.bitcoinrpc.client.model.BlockHeader;
import org.bitcoinrpc.client.model.BlockRef;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.client.model.BlockchainInfo;
import org.bitcoinrpc.client.model.BtcdInfo;
import org.bitcoinrpc.client.model.BumpFeeResult;
import org.bitcoinrpc.client.model.ChainTip;
import org.bitcoinrpc.client.model.LoadedWallet;
import org.bitcoinrpc.client.model.LocalAddress;
import org.bitcoinrpc.client.model.MempoolAcceptFees;
import org.bitcoinrpc.client.model.MempoolAcceptResult;
import org.bitcoinrpc.client.model.MempoolEntry;
import org.bitcoinrpc.client.model.MempoolFees;
import org.bitcoinrpc.client.model.MempoolInfo;
import org.bitcoinrpc.client.model.MempoolSequence;
import org.bitcoinrpc.client.model.MiningInfo;
import org.bitcoinrpc.client.model.NetTotals;
import org.bitcoinrpc.client.model.NetworkInfo;
import org.bitcoinrpc.client.model.NetworkStatus;
import org.bitcoinrpc.client.model.NextBlockInfo;
import org.bitcoinrpc.client.model.OutPoint;
import org.bitcoinrpc.client.model.PeerInfo;
import org.bitcoinrpc.client.model.Prevout;
import org.bitcoinrpc.client.model.RawTransaction;
import org.bitcoinrpc.client.model.RescannedBlock;
import org.bitcoinrpc.client.model.ScriptPubKey;
import org.bitcoinrpc.client.model.ScriptSig;
import org.bitcoinrpc.client.model.SmartFeeEstimate;
import org.bitcoinrpc.client.model.TxInput;
import org.bitcoinrpc.client.model.TxOut;
import org.bitcoinrpc.client.model.TxOutput;
import org.bitcoinrpc.client.model.Unspent;
import org.bitcoinrpc.client.model.WalletBalances;
import org.bitcoinrpc.client.model.WalletInfo;
import org.bitcoinrpc.client.model.WalletScan;
import org.bitcoinrpc.client.model.WalletTransaction;
import org.bitcoinrpc.client.model.WalletTransactionDetail;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;

import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * What the client binds by reflection, for Spring's AOT processing and GraalVM native images:
 * Jackson reads every result record of {@code org.bitcoinrpc.client.model} through its canonical
 * constructor (or a {@code @JsonCreator} factory, as {@link WalletScan}'s), its fields' and
 * parameters' annotations and its accessors, writes {@link OutPoint} as a call's parameter, and
 * makes the hand-written deserializers the records name with {@code @JsonDeserialize(using = ...)}
 * through their no-argument constructors.
 * <p>
 * Nothing else in the client is reflective: notifications and connection events are built by
 * hand ({@code NotificationDecoder}), the transports are Netty's (whose jars carry their own
 * native-image configuration), and no {@code Class.forName} or method handle is used. The
 * starter's {@code @BlockListener} methods are covered by the annotation itself (it is
 * {@code @Reflective}, as {@code @EventListener} is), and {@code bitcoin.rpc.*} binding by Spring
 * Boot's own processing of {@code @ConfigurationProperties}. Types an application asks for with
 * the generic {@code call(method, params, type)} are the application's to register, for example
 * with {@code @RegisterReflectionForBinding}.
 * <p>
 * Registered through {@code META-INF/spring/aot.factories}, so the hints are there whether the
 * client is auto-configured or built by the application.
 */
public final class BitcoinRpcRuntimeHints implements RuntimeHintsRegistrar {

	/**
	 * Every type of the client's result model. A test walks the package on the class path and
	 * fails when a type is missing here.
	 */
	static final List<Class<?>> MODEL_TYPES = List.of(
			AddressValidation.class,
			Balances.class,
			Bip9SoftFork.class,
			Block.class,
			BlockHeader.class,
			BlockRef.class,
			BlockWithTransactions.class,
			BlockchainInfo.class,
			BtcdInfo.class,
			BumpFeeResult.class,
			ChainTip.class,
			LoadedWallet.class,
			LocalAddress.class,
			MempoolAcceptFees.class,
			MempoolAcceptResult.class,
			MempoolEntry.class,
			MempoolFees.class,
			MempoolInfo.class,
			MempoolSequence.class,
			MiningInfo.class,
			NetTotals.class,
			NetworkInfo.class,
			NetworkStatus.class,
			NextBlockInfo.class,
			OutPoint.class,
			PeerInfo.class,
			Prevout.class,
			RawTransaction.class,
			RescannedBlock.class,
			ScriptPubKey.class,
			ScriptSig.class,
			SmartFeeEstimate.class,
			TxInput.class,
			TxOut.class,
			TxOutput.class,
			Unspent.class,
			WalletBalances.class,
			WalletInfo.class,
			WalletScan.class,
			WalletTransaction.class,
			WalletTransactionDetail.class);

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (Class<?> type : MODEL_TYPES) {
			// Public and declared members alike (the categories do not imply each other): the
			// accessors are public, WalletScan's creator is package-private, and Jackson reads the
			// annotations on the records' private fields.
			hints.reflection()
				.registerType(type, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS,
						MemberCategory.INVOKE_DECLARED_METHODS, MemberCategory.INVOKE_PUBLIC_METHODS,
						MemberCategory.ACCESS_DECLARED_FIELDS);
			MergedAnnotation<JsonDeserialize> deserialize = MergedAnnotations.from(type).get(JsonDeserialize.class);
			if (deserialize.isPresent()) {
				Class<?> using = deserialize.getClass("using");
				hints.reflection().registerType(using, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
			}
		}
	}

}
