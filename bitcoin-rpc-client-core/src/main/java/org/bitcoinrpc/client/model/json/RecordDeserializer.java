package org.bitcoinrpc.client.model.json;

import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.type.LogicalType;

/**
 * What the record deserializers have in common: they are stateless (so Jackson may cache and
 * share them) and read objects.
 */
abstract class RecordDeserializer<T> extends StdDeserializer<T> {

	RecordDeserializer(Class<T> type) {
		super(type);
	}

	@Override
	public LogicalType logicalType() {
		return LogicalType.POJO;
	}

	@Override
	public boolean isCachable() {
		return true;
	}

}
