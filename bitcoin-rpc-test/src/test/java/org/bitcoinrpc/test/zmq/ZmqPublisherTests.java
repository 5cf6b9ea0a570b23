package org.bitcoinrpc.test.zmq;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import org.bitcoinrpc.test.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.fail;

/** The publisher against a plain jeromq SUB socket: Core's wire format, sequence numbers, loss and outages. */
class ZmqPublisherTests {

    private static final HexFormat HEX = HexFormat.of();

    private static final String BLOCK_1 = "4bd55c410f64e38855415cca3806e153207bdd8226d7a64cf1e2963ac3e0b023";

    private static final String BLOCK_2 = "022f4e6d09c78deabe4f660cc457687bdc0e2b2b1b8736523303b06a32981308";

    private final ZmqPublisher publisher = new ZmqPublisher();

    private final ZContext context = new ZContext(1);

    @AfterEach
    void close() {
        this.context.close();
        this.publisher.close();
    }

    @Test
    void bindsEachTopicOnItsOwnLoopbackPort() {
        Set<String> endpoints = ZmqPublisher.TOPICS.stream().map(this.publisher::endpoint).collect(Collectors.toSet());
        assertThat(endpoints).hasSize(5).allMatch((endpoint) -> endpoint.matches("tcp://127\\.0\\.0\\.1:\\d+"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ZmqPublisher(List.of("hashblocks")));
    }

    @Test
    void publishesThreeFramesWithPerTopicSequenceNumbersFromZero() {
        ZMQ.Socket blocks = subscribe("hashblock");
        ZMQ.Socket sequence = subscribe("sequence");
        this.publisher.publishHashBlock(BLOCK_1);
        this.publisher.publishSequence(BLOCK_1, 'C', null);
        this.publisher.publishHashBlock(BLOCK_2);
        // hashblock carries the hash as RPC shows it (zmq-hashblock.json vs http-generatetoaddress.json).
        assertThat(frames(blocks)).containsExactly("hashblock", BLOCK_1, "00000000");
        assertThat(frames(blocks)).containsExactly("hashblock", BLOCK_2, "01000000");
        assertThat(frames(sequence)).containsExactly("sequence", BLOCK_1 + "43", "00000000");
    }

    @Test
    void sequenceBodiesCarryTheLabelAndForMempoolEventsTheMempoolSequence() {
        ZMQ.Socket sequence = subscribe("sequence");
        String txid = "b6afed55079e54e3a0b3261a6a01757429407dec936d54f720654b8a5adf585e";
        this.publisher.publishSequence(txid, 'A', 1L);
        this.publisher.publishSequence(txid, 'R', 0x0102030405060708L);
        this.publisher.publishSequence(BLOCK_1, 'D', null);
        // The same bytes Core 31.0 sent (zmq-sequence-mempool-add.json).
        assertThat(frames(sequence)).containsExactly("sequence", txid + "410100000000000000", "00000000");
        assertThat(frames(sequence)).containsExactly("sequence", txid + "520807060504030201", "01000000");
        assertThat(frames(sequence)).containsExactly("sequence", BLOCK_1 + "44", "02000000");
        assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publishSequence(txid, 'A', null));
        assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publishSequence(BLOCK_1, 'C', 3L));
        assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publishSequence(BLOCK_1, 'X', null));
        assertThatIllegalArgumentException().isThrownBy(() -> this.publisher.publishHashBlock("abcd"));
    }

    @Test
    void replaysEveryCapturedMessageByteForByte() {
        List<JsonNode> messages = new ArrayList<>();
        for (String name : captureNames()) {
            Fixtures.fixture("core/" + name).get("messages").forEach(messages::add);
        }
        assertThat(messages).hasSizeGreaterThan(15);
        ZMQ.Socket blocks = subscribe("hashblock");
        ZMQ.Socket raw = subscribe("rawtx");
        ZMQ.Socket sequence = subscribe("sequence");
        for (JsonNode message : messages) {
            String topic = message.get("topic").asString();
            this.publisher.replay(message);
            ZMQ.Socket socket = switch (topic) {
                case "hashblock" -> blocks;
                case "rawtx" -> raw;
                default -> sequence;
            };
            assertThat(frames(socket)).containsExactly(topic, message.get("body_hex").asString(),
                    message.get("seq_le_hex").asString());
            assertThat(this.publisher.nextSequence(topic)).isEqualTo(message.get("seq").asLong() + 1);
        }
    }

    @Test
    void skipAndDropUseSequenceNumbersWithoutSending() {
        ZMQ.Socket raw = subscribe("rawtx");
        byte[] tx = HEX.parseHex("0100000000000000000000");
        this.publisher.publishRawTx(tx);
        this.publisher.skip("rawtx", 2);
        this.publisher.drop("rawtx");
        this.publisher.publishRawTx(tx);
        this.publisher.publishRawTx(tx);
        // 0 sent, 1 and 2 skipped, 3 dropped, 4 sent.
        assertThat(frames(raw)).containsExactly("rawtx", HEX.formatHex(tx), "00000000");
        assertThat(frames(raw)).containsExactly("rawtx", HEX.formatHex(tx), "04000000");
        assertThat(this.publisher.nextSequence("rawtx")).isEqualTo(5);
    }

    @Test
    void sequenceNumbersWrapAt32Bits() {
        ZMQ.Socket blocks = subscribe("hashblock");
        this.publisher.skip("hashblock", Integer.MAX_VALUE);
        this.publisher.skip("hashblock", Integer.MAX_VALUE);
        this.publisher.skip("hashblock", 1);
        this.publisher.publishHashBlock(BLOCK_1);
        this.publisher.publishHashBlock(BLOCK_2);
        assertThat(frames(blocks)).containsExactly("hashblock", BLOCK_1, "ffffffff");
        assertThat(frames(blocks)).containsExactly("hashblock", BLOCK_2, "00000000");
    }

    @Test
    void malformedFramesCanBeSent() {
        ZMQ.Socket blocks = subscribe("hashblock");
        this.publisher.publishFrames("hashblock", "hashblock".getBytes(StandardCharsets.US_ASCII), new byte[] { 1 });
        assertThat(frames(blocks)).containsExactly("hashblock", "01");
        assertThat(this.publisher.nextSequence("hashblock")).isZero();
    }

    @Test
    void restartsOnTheSamePortsAndSubscribersReconnect() {
        ZMQ.Socket blocks = subscribe("hashblock");
        String endpoint = this.publisher.endpoint("hashblock");
        this.publisher.publishHashBlock(BLOCK_1);
        assertThat(frames(blocks)).containsExactly("hashblock", BLOCK_1, "00000000");

        this.publisher.stop();
        assertThat(this.publisher.isRunning()).isFalse();
        this.publisher.publishHashBlock(BLOCK_2);
        this.publisher.start();

        assertThat(this.publisher.endpoint("hashblock")).isEqualTo(endpoint);
        awaitSubscribed(blocks, "hashblock");
        this.publisher.publishHashBlock(BLOCK_1);
        // Sequence numbers continue: the message published while stopped shows as lost.
        assertThat(frames(blocks)).containsExactly("hashblock", BLOCK_1, "02000000");

        this.publisher.stop();
        this.publisher.resetSequences();
        this.publisher.start();
        awaitSubscribed(blocks, "hashblock");
        this.publisher.publishHashBlock(BLOCK_2);
        assertThat(frames(blocks)).containsExactly("hashblock", BLOCK_2, "00000000");
    }

    @Test
    void closeEndsEveryThread() {
        ZmqPublisher other = new ZmqPublisher(List.of("sequence"));
        String prefix = other.threadName() + "-";
        waitUntil("the publisher's threads run", () -> threadsNamed(prefix) > 0);
        other.close();
        other.close();
        waitUntil("the publisher's threads end", () -> threadsNamed(prefix) == 0);
        assertThat(other.isRunning()).isFalse();
    }

    private ZMQ.Socket subscribe(String topic) {
        ZMQ.Socket socket = this.context.createSocket(SocketType.SUB);
        socket.setLinger(0);
        socket.setReceiveTimeOut(10_000);
        // jeromq 0.6.0 sometimes never starts the handshake of a new connection (zeromq/jeromq
        // PR #1022); a short handshake timeout makes the socket drop it and connect again.
        socket.setHandshakeIvl(500);
        socket.subscribe(topic.getBytes(StandardCharsets.US_ASCII));
        socket.connect(this.publisher.endpoint(topic));
        awaitSubscribed(socket, topic);
        return socket;
    }

    /**
     * Waits until the publisher has the subscription. A SUB socket sends it again after a
     * reconnect (a publisher restart, or a stalled handshake retried) only when this thread uses
     * the socket, so keep asking it for events meanwhile.
     */
    private void awaitSubscribed(ZMQ.Socket socket, String topic) {
        waitUntil("the subscription to " + topic + " arrives again", () -> {
            socket.getEvents();
            return this.publisher.awaitSubscribed(topic, Duration.ofMillis(20));
        });
    }

    /** The frames of the next message: the topic as text, the others as hex. */
    private static List<String> frames(ZMQ.Socket socket) {
        byte[] first = socket.recv(0);
        if (first == null) {
            fail("No message within 10 s");
        }
        List<String> frames = new ArrayList<>();
        frames.add(new String(first, StandardCharsets.US_ASCII));
        while (socket.hasReceiveMore()) {
            frames.add(HEX.formatHex(socket.recv(0)));
        }
        return frames;
    }

    static List<String> captureNames() {
        URL directory = Fixtures.class.getResource("fixtures/core");
        assertThat(directory).isNotNull();
        try {
            String[] names = new File(directory.toURI()).list((dir, name) -> name.startsWith("zmq-") && name.endsWith(".json"));
            assertThat(names).isNotNull();
            Arrays.sort(names);
            return List.of(names);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter((thread) -> thread.isAlive() && thread.getName().startsWith(prefix))
                .count();
    }

    private static void waitUntil(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("Timed out waiting until " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

}
