package org.bitcoinrpc.test.internal.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bitcoinrpc.test.internal.json.JsonWriter;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes request bodies as btcd's Go decoder does: member names match case-insensitively, the last
 * duplicate wins, a member of the wrong type is a type error (reported in Go's words) while the
 * rest still decodes, and anything after the top-level value is a syntax error. Thread-safe.
 */
public final class RequestParser {

    private static final String EOF_MESSAGE = "unexpected end of JSON input";

    private static final Pattern JACKSON_CHAR = Pattern.compile("(?:Unexpected character \\(|Unrecognized token )'(.)");

    /** Shared and thread-safe once built. Limits are raised so 64 MB strings decode. */
    private final ObjectMapper mapper;

    /** Creates a parser. */
    public RequestParser() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Integer.MAX_VALUE)
                        .maxDocumentLength(-1)
                        .maxNumberLength(100_000)
                        .maxNestingDepth(10_000)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
                .build();
    }

    /**
     * Decodes {@code body}.
     * @param body the raw bytes (UTF-8 JSON, or anything else)
     * @return what was found; never throws for bad input
     */
    public ParsedBody parse(byte[] body) {
        boolean batch = body.length > 0 && body[0] == '[';
        try (JsonParser parser = this.mapper.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new ParsedBody(batch, EOF_MESSAGE, null, List.of());
            }
            List<RpcRequest> requests = new ArrayList<>();
            String typeError = null;
            if (batch) {
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        return new ParsedBody(true, EOF_MESSAGE, null, List.of());
                    }
                    RpcRequest request = readRequestValue(parser, token);
                    requests.add(request);
                    if (typeError == null) {
                        typeError = request.typeError();
                    }
                }
            }
            else {
                RpcRequest request = readRequestValue(parser, token);
                requests.add(request);
                typeError = request.typeError();
            }
            JsonToken trailing = parser.nextToken();
            if (trailing != null) {
                String text = parser.getString();
                char first = (text == null || text.isEmpty()) ? '?' : text.charAt(0);
                if (trailing == JsonToken.VALUE_STRING) {
                    first = '"';
                }
                return new ParsedBody(batch, "invalid character '" + first + "' after top-level value", null,
                        List.of());
            }
            return new ParsedBody(batch, null, typeError, List.copyOf(requests));
        }
        catch (UnexpectedEndOfInputException ex) {
            return new ParsedBody(batch, EOF_MESSAGE, null, List.of());
        }
        catch (JacksonException ex) {
            return new ParsedBody(batch, goSyntaxMessage(ex), null, List.of());
        }
    }

    private static String goSyntaxMessage(JacksonException ex) {
        String message = String.valueOf(ex.getOriginalMessage());
        if (message.contains("end-of-input") || message.contains("end of input")) {
            return EOF_MESSAGE;
        }
        Matcher matcher = JACKSON_CHAR.matcher(message);
        if (matcher.find()) {
            return "invalid character '" + matcher.group(1) + "' looking for beginning of value";
        }
        return "invalid character looking for beginning of value";
    }

    private RpcRequest readRequestValue(JsonParser parser, JsonToken token) {
        if (token != JsonToken.START_OBJECT) {
            String kind = kind(token);
            parser.skipChildren();
            return new RpcRequest(null, null, null, null,
                    "json: cannot unmarshal " + kind + " into Go value of type btcjson.Request");
        }
        String jsonrpc = null;
        String id = null;
        String method = null;
        JsonNode params = null;
        String typeError = null;
        JsonToken next;
        while ((next = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName().toLowerCase(Locale.ROOT);
            JsonToken value = parser.nextToken();
            switch (name) {
                case "jsonrpc" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        jsonrpc = parser.getString();
                    }
                    else if (value != JsonToken.VALUE_NULL) {
                        typeError = firstOf(typeError, fieldError(value, "jsonrpc", "string"));
                        parser.skipChildren();
                    }
                }
                case "method" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        method = parser.getString();
                    }
                    else if (value != JsonToken.VALUE_NULL) {
                        typeError = firstOf(typeError, fieldError(value, "method", "string"));
                        parser.skipChildren();
                    }
                }
                case "id" -> id = rawId(parser, value);
                case "params" -> {
                    if (value == JsonToken.START_ARRAY) {
                        params = parser.readValueAsTree();
                    }
                    else if (value == JsonToken.VALUE_NULL) {
                        params = null;
                    }
                    else {
                        typeError = firstOf(typeError, fieldError(value, "params", "[]interface {}"));
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (next != JsonToken.END_OBJECT) {
            throw new IllegalStateException("unexpected token " + next);
        }
        return new RpcRequest(jsonrpc, id, method, params, typeError);
    }

    private @Nullable String rawId(JsonParser parser, JsonToken value) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getString();
            case VALUE_STRING -> JsonWriter.quote(parser.getString());
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> {
                JsonNode tree = parser.readValueAsTree();
                yield tree.toString();
            }
        };
    }

    private static String fieldError(JsonToken token, String field, String goType) {
        return "json: cannot unmarshal " + kind(token) + " into Go struct field ." + field + " of type " + goType;
    }

    private static @Nullable String firstOf(@Nullable String existing, String candidate) {
        return (existing != null) ? existing : candidate;
    }

    /** The JSON kind as Go's {@code UnmarshalTypeError} names it. */
    static String kind(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "object";
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "bool";
            default -> "null";
        };
    }
}
