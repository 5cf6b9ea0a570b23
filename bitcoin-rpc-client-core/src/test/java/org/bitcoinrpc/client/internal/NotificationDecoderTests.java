package org.bitcoinrpc.client.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every notification btcd sent in the recorded websocket sessions decodes into its record with
 * the values on the wire; wrong shapes become {@link Notification.Unknown}.
 */
class NotificationDecoderTests {

	private final NotificationDecoder decoder = new NotificationDecoder();

	private static List<JsonNode> notifications(String fixture) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode message : Fixtures.fixture(fixture).get("messages")) {
			JsonNode json = message.get("json");
			if (message.get("dir").asString().equals("in") && json.isObject() && json.has("method")) {
				found.add(json);
			}
		}
		return found;
	}

	private List<Notification> decodeAll(String fixture) {
		return notifications(fixture).stream().map((n) -> this.decoder.decode(n.get("method").asString(), n.get("params"))).toList();
	}

	@Test
	void blockConnectedAndFiltered() {
		List<Notification> decoded = decodeAll("btcd/ws-notifyblocks-generate3.json");
		assertThat(decoded).hasSize(6).doesNotHaveAnyElementsOfTypes(Notification.Unknown.class);
		Notification.BlockConnected first = (Notification.BlockConnected) decoded.get(0);
		JsonNode wire = notifications("btcd/ws-notifyblocks-generate3.json").get(0).get("params");
		assertThat(first.hash()).isEqualTo(wire.get(0).asString());
		assertThat(first.height()).isEqualTo(wire.get(1).asLong());
		assertThat(first.time()).isEqualTo(wire.get(2).asLong());
		Notification.FilteredBlockConnected filtered = (Notification.FilteredBlockConnected) decoded.get(1);
		assertThat(filtered.height()).isEqualTo(first.height());
		assertThat(filtered.header()).hasSize(160);
		assertThat(filtered.transactions()).isEmpty();
	}

	@Test
	void blockDisconnectedAndFilteredTwin() {
		List<Notification> decoded = decodeAll("btcd/ws-blockdisconnected.json");
		assertThat(decoded).anySatisfy((n) -> assertThat(n).isInstanceOfSatisfying(Notification.BlockDisconnected.class,
				(d) -> assertThat(d.height()).isEqualTo(155)));
		assertThat(decoded).anySatisfy((n) -> assertThat(n).isInstanceOfSatisfying(Notification.FilteredBlockDisconnected.class,
				(d) -> assertThat(d.header()).hasSize(160)));
	}

	@Test
	void transactionsWithExactAmounts() {
		List<Notification> accepted = decodeAll("btcd/ws-notifynewtransactions-default-http-submit.json");
		assertThat(accepted).first().isInstanceOfSatisfying(Notification.TxAccepted.class, (tx) -> {
			assertThat(tx.txid()).isEqualTo("75f7d328e88436015eed818a2b219033f157159ed860b55120882a21ae1cd34c");
			assertThat(tx.amount()).isEqualTo(new BigDecimal("49.99995"));
		});
		List<Notification> verbose = decodeAll("btcd/ws-notifynewtransactions-true.json");
		assertThat(verbose).first().isInstanceOfSatisfying(Notification.TxAcceptedVerbose.class, (tx) -> {
			assertThat(tx.txid()).hasSize(64);
			assertThat(tx.transaction().get("vout").get(0).get("value").decimalValue()).isEqualByComparingTo("2");
		});
	}

	@Test
	void filteredBlockCarriesMatchingTransactionsAndRelevantTx() {
		List<Notification> decoded = decodeAll("btcd/ws-loadtxfilter.json");
		assertThat(decoded).anySatisfy((n) -> assertThat(n).isInstanceOf(Notification.RelevantTxAccepted.class));
		assertThat(decoded).anySatisfy((n) -> assertThat(n).isInstanceOfSatisfying(Notification.FilteredBlockConnected.class,
				(block) -> assertThat(block.transactions()).hasSize(1)));
	}

	@Test
	void recvAndRedeemingCarryBlockDetailsOnlyOnceMined() {
		List<Notification> decoded = decodeAll("btcd/ws-notifyreceived.json");
		List<Notification.RecvTx> received = decoded.stream().filter(Notification.RecvTx.class::isInstance)
			.map(Notification.RecvTx.class::cast).toList();
		assertThat(received).extracting((tx) -> tx.block() == null).contains(true, false);
		Notification.BlockDetails block = received.stream().filter((tx) -> tx.block() != null).findFirst().orElseThrow().block();
		assertThat(block.height()).isEqualTo(133);
		assertThat(block.index()).isEqualTo(1);
		assertThat(block.hash()).isEqualTo("2f4febf8844253e8eb802e6200e4102977e33753b94be091ba9920b8987c723b");
		assertThat(decodeAll("btcd/ws-notifyspent.json")).filteredOn(Notification.RedeemingTx.class::isInstance).hasSize(2);
	}

	@Test
	void unknownMethodsAndWrongShapesBecomeUnknown() {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		assertThat(this.decoder.decode("newthing", nodes.arrayNode().add(1))).isInstanceOf(Notification.Unknown.class);
		assertThat(this.decoder.decode("blockconnected", nodes.arrayNode().add("abc")))
			.isInstanceOfSatisfying(Notification.Unknown.class, (u) -> assertThat(u.method()).isEqualTo("blockconnected"));
		assertThat(this.decoder.decode("txaccepted", nodes.arrayNode().add("id").add("not a number")))
			.isInstanceOf(Notification.Unknown.class);
		assertThat(this.decoder.decode("blockconnected", nodes.objectNode())).isInstanceOf(Notification.Unknown.class);
		assertThat(this.decoder.decode("rescanfinished", nodes.arrayNode().add("00").add(5).add(1700000000)))
			.isEqualTo(new Notification.RescanFinished("00", 5, 1700000000));
	}

}
