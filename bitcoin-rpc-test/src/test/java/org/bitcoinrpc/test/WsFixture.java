package org.bitcoinrpc.test;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The frames of a websocket fixture as compact JSON text, number literals kept as recorded. */
final class WsFixture {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private WsFixture() {
    }

    /** The frames the recorder sent ({@code "dir":"out"}), in order. */
    static List<String> sent(String name) {
        return frames(name, "out");
    }

    /** The frames btcd sent ({@code "dir":"in"}), in the recorded order. */
    static List<String> received(String name) {
        return frames(name, "in");
    }

    /** {@code node} as compact JSON text. */
    static String compact(JsonNode node) {
        return MAPPER.writeValueAsString(node);
    }

    private static List<String> frames(String name, String direction) {
        List<String> frames = new ArrayList<>();
        for (JsonNode message : Fixtures.fixture(name).get("messages")) {
            if (direction.equals(message.get("dir").stringValue())) {
                frames.add(compact(message.get("json")));
            }
        }
        return frames;
    }
}
