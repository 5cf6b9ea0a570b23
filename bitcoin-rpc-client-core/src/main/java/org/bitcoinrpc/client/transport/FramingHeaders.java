package org.bitcoinrpc.client.transport;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;

/**
 * The headers of a reply as the HTTP transport keeps them: those that frame the body and the
 * connection ({@code Content-Length}, {@code Transfer-Encoding}, {@code Connection}, and
 * {@code Upgrade} and {@code Sec-WebSocket-Accept}, which the decoder reads for a 101). Every other
 * header the decoder adds is dropped: the transport reads nothing else, and Netty's
 * {@code DefaultHttpHeaders} costs a hash table of 16 buckets and an entry per header for every
 * reply, about a fifth of what a small call allocates.
 * <p>
 * A full {@link HttpHeaders} over the headers kept, in the order added, names matched without
 * case. Also the trailers of a reply's end (the decoder makes them for every reply, nearly always
 * to stay empty). Not thread-safe: one per reply, on the event loop that decodes it.
 */
final class FramingHeaders extends HttpHeaders {

	/** Makes the headers of each reply ({@code HttpDecoderConfig.setHeadersFactory}). */
	static final HttpHeadersFactory FACTORY = new HttpHeadersFactory() {

		@Override
		public HttpHeaders newHeaders() {
			return new FramingHeaders();
		}

		@Override
		public HttpHeaders newEmptyHeaders() {
			return new FramingHeaders();
		}

	};

	private static final AsciiString[] KEPT = { HttpHeaderNames.CONTENT_LENGTH, HttpHeaderNames.TRANSFER_ENCODING,
			HttpHeaderNames.CONNECTION, HttpHeaderNames.UPGRADE, HttpHeaderNames.SEC_WEBSOCKET_ACCEPT };

	private static final CharSequence[] NONE = new CharSequence[0];

	/** Name, value, name, value... in {@code [0, 2 * size)}; the names are those of {@link #KEPT}. */
	private CharSequence[] pairs = NONE;

	private int size;

	/** The name as kept, or null for a header that is dropped. */
	private static @Nullable AsciiString kept(CharSequence name) {
		for (AsciiString kept : KEPT) {
			if (kept.contentEqualsIgnoreCase(name)) {
				return kept;
			}
		}
		return null;
	}

	private static CharSequence text(Object value) {
		return (value instanceof CharSequence chars) ? chars : String.valueOf(value);
	}

	// ---------------------------------------------------------------- writing

	@Override
	public HttpHeaders add(CharSequence name, Object value) {
		AsciiString key = kept(name);
		if (key != null) {
			if (2 * this.size == this.pairs.length) {
				// Two headers fit the first array: Content-Length, and Connection or Transfer-Encoding.
				CharSequence[] grown = new CharSequence[Math.max(4, 2 * this.pairs.length)];
				System.arraycopy(this.pairs, 0, grown, 0, 2 * this.size);
				this.pairs = grown;
			}
			this.pairs[2 * this.size] = key;
			this.pairs[2 * this.size + 1] = text(value);
			this.size++;
		}
		return this;
	}

	@Override
	public HttpHeaders add(String name, Object value) {
		return add((CharSequence) name, value);
	}

	@Override
	public HttpHeaders add(CharSequence name, Iterable<?> values) {
		for (Object value : values) {
			add(name, value);
		}
		return this;
	}

	@Override
	public HttpHeaders add(String name, Iterable<?> values) {
		return add((CharSequence) name, values);
	}

	@Override
	public HttpHeaders addInt(CharSequence name, int value) {
		return add(name, Integer.toString(value));
	}

	@Override
	public HttpHeaders addShort(CharSequence name, short value) {
		return add(name, Short.toString(value));
	}

	@Override
	public HttpHeaders set(CharSequence name, Object value) {
		return remove(name).add(name, value);
	}

	@Override
	public HttpHeaders set(String name, Object value) {
		return set((CharSequence) name, value);
	}

	@Override
	public HttpHeaders set(CharSequence name, Iterable<?> values) {
		return remove(name).add(name, values);
	}

	@Override
	public HttpHeaders set(String name, Iterable<?> values) {
		return set((CharSequence) name, values);
	}

	@Override
	public HttpHeaders setInt(CharSequence name, int value) {
		return set(name, Integer.toString(value));
	}

	@Override
	public HttpHeaders setShort(CharSequence name, short value) {
		return set(name, Short.toString(value));
	}

	@Override
	public HttpHeaders remove(CharSequence name) {
		int kept = 0;
		for (int i = 0; i < this.size; i++) {
			if (!AsciiString.contentEqualsIgnoreCase(this.pairs[2 * i], name)) {
				this.pairs[2 * kept] = this.pairs[2 * i];
				this.pairs[2 * kept + 1] = this.pairs[2 * i + 1];
				kept++;
			}
		}
		for (int i = 2 * kept; i < 2 * this.size; i++) {
			this.pairs[i] = null;
		}
		this.size = kept;
		return this;
	}

	@Override
	public HttpHeaders remove(String name) {
		return remove((CharSequence) name);
	}

	@Override
	public HttpHeaders clear() {
		java.util.Arrays.fill(this.pairs, null);
		this.size = 0;
		return this;
	}

	// ---------------------------------------------------------------- reading

	private @Nullable CharSequence first(CharSequence name) {
		for (int i = 0; i < this.size; i++) {
			if (AsciiString.contentEqualsIgnoreCase(this.pairs[2 * i], name)) {
				return this.pairs[2 * i + 1];
			}
		}
		return null;
	}

	@Override
	public @Nullable String get(CharSequence name) {
		CharSequence value = first(name);
		return (value != null) ? value.toString() : null;
	}

	@Override
	public @Nullable String get(String name) {
		return get((CharSequence) name);
	}

	@Override
	public @Nullable Integer getInt(CharSequence name) {
		CharSequence value = first(name);
		try {
			return (value != null) ? Integer.valueOf(value.toString().trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public int getInt(CharSequence name, int defaultValue) {
		Integer value = getInt(name);
		return (value != null) ? value : defaultValue;
	}

	@Override
	public @Nullable Short getShort(CharSequence name) {
		CharSequence value = first(name);
		try {
			return (value != null) ? Short.valueOf(value.toString().trim()) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@Override
	public short getShort(CharSequence name, short defaultValue) {
		Short value = getShort(name);
		return (value != null) ? value : defaultValue;
	}

	@Override
	public @Nullable Long getTimeMillis(CharSequence name) {
		CharSequence value = first(name);
		if (value == null) {
			return null;
		}
		java.util.Date date = DateFormatter.parseHttpDate(value);
		return (date != null) ? date.getTime() : null;
	}

	@Override
	public long getTimeMillis(CharSequence name, long defaultValue) {
		Long value = getTimeMillis(name);
		return (value != null) ? value : defaultValue;
	}

	/** The decoder asks for {@code Content-Length} this way for every reply: one value is the common case. */
	@Override
	public List<String> getAll(CharSequence name) {
		String single = null;
		List<String> values = null;
		for (int i = 0; i < this.size; i++) {
			if (AsciiString.contentEqualsIgnoreCase(this.pairs[2 * i], name)) {
				String value = this.pairs[2 * i + 1].toString();
				if (single == null) {
					single = value;
				}
				else {
					if (values == null) {
						values = new ArrayList<>(4);
						values.add(single);
					}
					values.add(value);
				}
			}
		}
		return (values != null) ? values : (single != null) ? Collections.singletonList(single) : Collections.emptyList();
	}

	@Override
	public List<String> getAll(String name) {
		return getAll((CharSequence) name);
	}

	@Override
	public boolean contains(CharSequence name) {
		return first(name) != null;
	}

	@Override
	public boolean contains(String name) {
		return contains((CharSequence) name);
	}

	@Override
	public List<Map.Entry<String, String>> entries() {
		List<Map.Entry<String, String>> entries = new ArrayList<>(this.size);
		for (int i = 0; i < this.size; i++) {
			entries.add(new AbstractMap.SimpleImmutableEntry<>(this.pairs[2 * i].toString(), this.pairs[2 * i + 1].toString()));
		}
		return entries;
	}

	/** Deprecated in Netty (for {@link #iteratorCharSequence()}) but abstract: implemented all the same. */
	@Deprecated
	@Override
	public Iterator<Map.Entry<String, String>> iterator() {
		return entries().iterator();
	}

	@Override
	public Iterator<Map.Entry<CharSequence, CharSequence>> iteratorCharSequence() {
		List<Map.Entry<CharSequence, CharSequence>> entries = new ArrayList<>(this.size);
		for (int i = 0; i < this.size; i++) {
			entries.add(new AbstractMap.SimpleImmutableEntry<>(this.pairs[2 * i], this.pairs[2 * i + 1]));
		}
		return entries.iterator();
	}

	@Override
	public boolean isEmpty() {
		return this.size == 0;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public Set<String> names() {
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < this.size; i++) {
			names.add(this.pairs[2 * i].toString());
		}
		return names;
	}

	@Override
	public HttpHeaders copy() {
		FramingHeaders copy = new FramingHeaders();
		copy.pairs = this.pairs.clone();
		copy.size = this.size;
		return copy;
	}

}
