package org.bitcoinrpc.test.internal.chain;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Decodes Bitcoin's transaction serialization, legacy or BIP 144 segwit (marker 0x00, flag 0x01),
 * as btcd's {@code MsgTx.Deserialize} does, but also requires the bytes to end exactly where the
 * transaction does. Stateless and thread-safe.
 */
final class TxDecoder {

    /** The smallest serialized input (outpoint, empty script, sequence) and output (value, empty script). */
    private static final int MIN_INPUT_SIZE = 41;

    private static final int MIN_OUTPUT_SIZE = 9;

    private TxDecoder() {
    }

    /** The transaction {@code raw} serializes, or null when it is not exactly one. */
    static @Nullable Transaction decode(byte[] raw) {
        ByteReader in = new ByteReader(raw);
        try {
            int version = (int) in.uint32();
            int inputCount = in.varInt();
            boolean witness = false;
            if (inputCount == 0) {
                if (in.uint8() != 0x01) {
                    return null;
                }
                witness = true;
                inputCount = in.varInt();
            }
            if (inputCount > in.remaining() / MIN_INPUT_SIZE) {
                return null;
            }
            List<OutPoint> previous = new ArrayList<>(inputCount);
            List<byte[]> scripts = new ArrayList<>(inputCount);
            List<Long> sequences = new ArrayList<>(inputCount);
            for (int i = 0; i < inputCount; i++) {
                previous.add(new OutPoint(Encoding.displayHash(in.bytes(32)), in.uint32()));
                scripts.add(in.bytes(in.varInt()));
                sequences.add(in.uint32());
            }
            int outputCount = in.varInt();
            if (outputCount > in.remaining() / MIN_OUTPUT_SIZE) {
                return null;
            }
            List<TxOut> outputs = new ArrayList<>(outputCount);
            for (int i = 0; i < outputCount; i++) {
                long value = in.int64();
                outputs.add(TxOut.of(value, in.bytes(in.varInt())));
            }
            List<TxIn> inputs = new ArrayList<>(inputCount);
            for (int i = 0; i < inputCount; i++) {
                List<byte[]> stack = new ArrayList<>();
                if (witness) {
                    int items = in.varInt();
                    if (items > in.remaining()) {
                        return null;
                    }
                    for (int j = 0; j < items; j++) {
                        stack.add(in.bytes(in.varInt()));
                    }
                }
                inputs.add(new TxIn(previous.get(i), scripts.get(i), stack, sequences.get(i)));
            }
            long lockTime = in.uint32();
            if (in.remaining() != 0) {
                return null;
            }
            byte[] stripped = witness ? Transaction.serialize(version, inputs, outputs, lockTime, false) : raw.clone();
            return new Transaction(raw.clone(), true, version, inputs, outputs, lockTime, stripped);
        }
        catch (ByteReader.Truncated ex) {
            return null;
        }
    }
}
