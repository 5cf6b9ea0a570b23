package org.bitcoinrpc.client.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.TokenBuffer;

/**
 * Writes JSON-RPC requests and classifies what the node sends back. Thread-safe and stateless
 * apart from its {@link ObjectMapper}, which is shared by every call of a client.
 * <p>
 * Requests always carry a {@code jsonrpc} version ("1.0" unless asked for "2.0") and a numeric id: btcd answers a request without
 * {@code jsonrpc} with an empty body, and closes the socket on a request without an id.
 */
public final class JsonRpcCodec {

	private final ObjectMapper mapper;

	/** Writes requests with the {@code jsonrpc} member "1.0" or "2.0". */
	private final RequestEncoder encoder;

	/** Reads a notification's {@code params} in place; trailing tokens are the rest of the message. */
	private final ObjectReader treeReader;

	public JsonRpcCodec() {
		this(defaultMapper(), "1.0");
	}

	public JsonRpcCodec(ObjectMapper mapper, String version) {
		this.mapper = mapper;
		this.encoder = new RequestEncoder(mapper, version);
		this.treeReader = mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * The mapper replies are decoded with: unknown fields are ignored (nodes add fields across
	 * versions), floating-point numbers read into untyped targets become {@code BigDecimal} so
	 * amounts never pass through {@code double}, and scalars are never coerced across JSON types.
	 */
	public static ObjectMapper defaultMapper() {
		return JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			// A result of the wrong JSON type is a protocol error, never a silently converted value
			// ("577" or 12.5 as a height, true as a hash).
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.withCoercionConfig(LogicalType.Textual, (config) -> {
				config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
				config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
			})
			.withCoercionConfigDefaults((config) -> config.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
			.build();
	}

	public ObjectMapper mapper() {
		return this.mapper;
	}

	/** The request as UTF-8 JSON: {@code {"jsonrpc":"1.0","id":id,"method":method,"params":[...]}}. */
	public byte[] encodeRequest(long id, String method, List<?> params) {
		return this.encoder.request(id, method, params);
	}

	/** The same request as text. */
	public String encodeRequestText(long id, String method, List<?> params) {
		return new String(encodeRequest(id, method, params), StandardCharsets.UTF_8);
	}

	/** A batch: a JSON array of requests, each {@code (id, method, params)}. */
	public byte[] encodeBatch(List<? extends BatchEntry> entries) {
		return this.encoder.batch(entries);
	}

	/** The same batch as text. */
	public String encodeBatchText(List<? extends BatchEntry> entries) {
		return new String(encodeBatch(entries), StandardCharsets.UTF_8);
	}

	/** What a batch element is made of. */
	public interface BatchEntry {

		long id();

		String method();

		List<?> params();

	}

	/**
	 * Classifies one message. Never throws: anything that is not JSON-RPC comes back as
	 * {@link InboundMessage.Malformed}, or as a {@link InboundMessage.Response} with a malformation
	 * when the message names an id, so that the right caller learns what went wrong. Results stay
	 * undecoded ({@link ResultValue.Slice}, {@link ResultValue.Scalar}).
	 */
	public InboundMessage decode(JsonText text) {
		try (JsonParser parser = text.parser(this.mapper)) {
			return read(parser, text, null);
		}
		catch (JacksonException ex) {
			return new InboundMessage.Malformed("not valid JSON: " + ex.getOriginalMessage());
		}
	}

	/**
	 * Like {@link #decode(JsonText)}, but binds a reply's {@code result} while parsing it, in one
	 * pass, when the reply's id is known up front: both nodes write {@code "id"} last, so a scan of
	 * the message's tail finds it, and {@code readers} gives the reader of the request it names.
	 * The result then comes back as {@link ResultValue.Decoded}. Anything unusual (no trailing id,
	 * no such request, a result that does not bind, a different id in the envelope) falls back to
	 * the two-pass path, so the outcome is the same as {@link #decode(JsonText)} followed by
	 * {@link ResultValue#decode}; only the work differs. A scalar reply in bytes is read without a
	 * parser at all ({@link ScalarReply}). Never throws.
	 */
	public InboundMessage decode(JsonText text, ResultReaders readers) {
		long hint = text.trailingId();
		ObjectReader reader = (hint >= 0) ? readers.readerFor(hint) : null;
		if (reader == null) {
			return decode(text);
		}
		if (text instanceof JsonText.Utf8 utf8 && ScalarReply.accepts(reader)) {
			InboundMessage.Response reply = ScalarReply.read(utf8.bytes(), utf8.length(), hint, reader);
			if (reply != null) {
				return reply;
			}
		}
		if (reader.isEnabled(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)) {
			// The rest of the envelope follows the result in the same parser.
			reader = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		}
		try (JsonParser parser = text.parser(this.mapper)) {
			InboundMessage message = read(parser, text, reader);
			if (message instanceof InboundMessage.Response response && response.id() != null && response.id() == hint) {
				return message;
			}
		}
		catch (JacksonException ex) {
			// A result of the wrong shape, or broken JSON: the two-pass path says which, to the right caller.
		}
		return decode(text);
	}

	/** The reader for a pending request's result, by id; {@code null} when no such request is pending. */
	@FunctionalInterface
	public interface ResultReaders {

		@Nullable ObjectReader readerFor(long id);

	}

	private InboundMessage read(JsonParser parser, JsonText text, @Nullable ObjectReader resultReader) {
		JsonToken first = parser.nextToken();
		InboundMessage message;
		if (first == JsonToken.START_OBJECT) {
			message = readObject(parser, text, resultReader);
		}
		else if (first == JsonToken.START_ARRAY) {
			List<InboundMessage> messages = new ArrayList<>();
			JsonToken token;
			while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
				if (token == JsonToken.START_OBJECT) {
					messages.add(readObject(parser, text, null));
				}
				else {
					parser.skipChildren();
					messages.add(new InboundMessage.Malformed("batch element is not a JSON object"));
				}
			}
			message = new InboundMessage.Batch(messages);
		}
		else {
			return new InboundMessage.Malformed((first == null) ? "empty message" : "not a JSON object or array");
		}
		if (parser.nextToken() != null) {
			return new InboundMessage.Malformed("trailing content after the JSON value");
		}
		return message;
	}

	private InboundMessage readObject(JsonParser parser, JsonText text, @Nullable ObjectReader resultReader) {
		Long id = null;
		boolean idInvalid = false;
		String method = null;
		boolean methodInvalid = false;
		JsonNode params = null;
		ResultValue result = null;
		RpcError error = null;
		String malformation = null;
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			switch (name) {
				case "id" -> {
					if (value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
						id = parser.getLongValue();
					}
					else if (value != JsonToken.VALUE_NULL) {
						idInvalid = true;
						parser.skipChildren();
					}
				}
				case "result" -> result = (resultReader != null) ? new ResultValue.Decoded(resultReader.readValue(parser), resultReader)
						: readResult(parser, value, text);
				case "error" -> {
					if (value == JsonToken.START_OBJECT) {
						error = readError(parser);
					}
					else if (value != JsonToken.VALUE_NULL) {
						malformation = "error member is not an object";
						parser.skipChildren();
					}
				}
				case "method" -> {
					if (value == JsonToken.VALUE_STRING) {
						method = parser.getString();
					}
					else {
						methodInvalid = value != JsonToken.VALUE_NULL;
						parser.skipChildren();
					}
				}
				case "params" -> params = this.treeReader.readValue(parser);
				default -> parser.skipChildren();
			}
		}
		if (token != JsonToken.END_OBJECT) {
			return new InboundMessage.Malformed("unexpected token " + token);
		}
		if (method != null || methodInvalid) {
			if (id != null || idInvalid) {
				return new InboundMessage.Malformed("the node sent a request (method with an id), which a client does not serve");
			}
			if (methodInvalid) {
				return new InboundMessage.Malformed("notification method is not a string");
			}
			return new InboundMessage.Notification(method, (params != null) ? params : JsonNodeFactory.instance.arrayNode());
		}
		if (malformation == null && error == null && result == null) {
			malformation = (id == null && !idInvalid) ? "notification without a method" : "reply has neither result nor error";
		}
		if (error != null) {
			result = null;
		}
		return new InboundMessage.Response(idInvalid ? null : id, error, result, malformation);
	}

	private static @Nullable ResultValue readResult(JsonParser parser, JsonToken value, JsonText text) {
		if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
			int start = text.offset(parser.currentTokenLocation());
			parser.skipChildren();
			int end = text.offset(parser.currentLocation());
			return new ResultValue.Slice(text, start, end);
		}
		TokenBuffer buffer = TokenBuffer.forBuffering(parser, parser.objectReadContext());
		buffer.copyCurrentEvent(parser);
		return new ResultValue.Scalar(buffer);
	}

	private static RpcError readError(JsonParser parser) {
		int code = 0;
		String message = "";
		JsonToken token;
		while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if (name.equals("code") && value == JsonToken.VALUE_NUMBER_INT) {
				code = parser.getIntValue();
			}
			else if (name.equals("message") && value == JsonToken.VALUE_STRING) {
				message = parser.getString();
			}
			else {
				parser.skipChildren();
			}
		}
		return new RpcError(code, message);
	}

}
