package org.bitcoinrpc.test;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Reading replies in tests. */
final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    /** The member names of an object, in order. */
    static List<String> keys(JsonNode node) {
        return List.copyOf(node.propertyNames());
    }
}
