package org.bitcoinrpc.test.internal.rpc;

import org.bitcoinrpc.test.internal.chain.Encoding;
import org.bitcoinrpc.test.internal.chain.SimulatedChain;
import org.bitcoinrpc.test.internal.chain.Transaction;
import org.bitcoinrpc.test.internal.json.JsonWriter;

/**
 * {@code sendrawtransaction}, over HTTP and the websocket, and the same from Java; and
 * {@code decoderawtransaction}, which needs real transactions as btcd does. Unlike btcd, any
 * non-empty hex is accepted: bytes that do not decode as a transaction make an opaque one (see
 * {@link Transaction}) so that tests can submit placeholders. As btcd: an odd digit count gets a
 * leading zero, other non-hex text is -22 "Argument must be hexadecimal string (not ..)", a txid
 * already in the mempool is -26 "TX rejected: already have transaction in mempool TXID" (fixture
 * {@code http-sendrawtransaction-duplicate}) and one already mined is -27 "TX rejected: transaction
 * already exists". Inputs are not checked. Thread-safe (the chain is).
 */
public final class TransactionCommands {

    private final SimulatedChain chain;

    /**
     * Creates the command.
     * @param chain the chain whose mempool takes the transactions
     */
    public TransactionCommands(SimulatedChain chain) {
        this.chain = chain;
    }

    /** {@code sendrawtransaction "hextx" (feesetting)}: the fee setting is accepted and ignored. */
    String sendRawTransaction(Params params) {
        return JsonWriter.quote(submit(params.string(0, "hextx", "")));
    }

    /**
     * {@code decoderawtransaction "hextx"}: btcd's {@code TxRawDecodeResult}. Hex is checked as for
     * {@code sendrawtransaction}; bytes that are not exactly one transaction are -22 "TX decode
     * failed: unexpected EOF" (fixture {@code http-sendrawtransaction-badhex}: btcd's wording for
     * the usual case, a serialization cut short), empty hex -22 "TX decode failed: EOF".
     */
    String decodeRawTransaction(Params params) {
        String padded = checkedHex(params.string(0, "hextx", ""));
        if (padded.isEmpty()) {
            throw new RpcException(RpcException.DECODE_HEX, "TX decode failed: EOF");
        }
        Transaction tx = Transaction.fromBytes(Encoding.unhex(padded));
        if (!tx.isDecoded()) {
            throw new RpcException(RpcException.DECODE_HEX, "TX decode failed: unexpected EOF");
        }
        return TxJson.decoded(tx);
    }

    /**
     * Decodes {@code hex} and puts the transaction in the mempool, telling websocket subscribers.
     * @param hex the serialized transaction
     * @return the txid
     * @throws RpcException btcd's error for bad hex (-22) or a known transaction (-26, -27)
     */
    public String submit(String hex) {
        String padded = checkedHex(hex);
        if (padded.isEmpty()) {
            throw new RpcException(RpcException.DECODE_HEX, "TX decode failed: EOF");
        }
        Transaction tx = Transaction.fromBytes(Encoding.unhex(padded));
        return switch (this.chain.submit(tx)) {
            case ACCEPTED -> tx.txid();
            case IN_MEMPOOL -> throw new RpcException(RpcException.TX_REJECTED,
                    "TX rejected: already have transaction in mempool " + tx.txid());
            case IN_CHAIN -> throw new RpcException(RpcException.TX_ALREADY_IN_CHAIN,
                    "TX rejected: transaction already exists");
        };
    }

    /** The hex with a leading zero added to an odd digit count, as btcd does; -22 when it is not hex. */
    private static String checkedHex(String hex) {
        String padded = (hex.length() % 2 != 0) ? "0" + hex : hex;
        if (!padded.matches("[0-9a-fA-F]*")) {
            throw new RpcException(RpcException.DECODE_HEX,
                    "Argument must be hexadecimal string (not " + HashArgs.goQuote(padded) + ")");
        }
        return padded;
    }
}
