package org.bitcoinrpc.spring.autoconfigure;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * An invalid property whose value holds user info, so maybe a password
 * ({@code bitcoin.rpc.url=http://alice:secret@host/}). It carries the value masked.
 * <p>
 * A plain {@link InvalidConfigurationPropertyValueException} is not enough: Spring Boot's
 * analyzer of it prints the value it finds in the environment, not the exception's, so the
 * password would show in the "APPLICATION FAILED TO START" report.
 * {@code MaskedPropertyValueFailureAnalyzer} answers for this type first and prints only what
 * the exception holds.
 */
public class MaskedPropertyValueException extends InvalidConfigurationPropertyValueException {

	/**
	 * An invalid property.
	 * @param name the property's name
	 * @param maskedValue the value with its user info masked
	 * @param reason why it is invalid, holding no secret
	 */
	public MaskedPropertyValueException(String name, String maskedValue, String reason) {
		super(name, maskedValue, reason);
	}

}
