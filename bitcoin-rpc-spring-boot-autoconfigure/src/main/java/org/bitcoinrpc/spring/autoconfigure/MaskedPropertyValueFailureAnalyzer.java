package org.bitcoinrpc.spring.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a {@link MaskedPropertyValueException} with the masked value it carries. Ordered
 * first: the exception is also an {@code InvalidConfigurationPropertyValueException}, whose
 * own analyzer would print the environment's value, password included.
 */
class MaskedPropertyValueFailureAnalyzer extends AbstractFailureAnalyzer<MaskedPropertyValueException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MaskedPropertyValueException cause) {
		String description = "Invalid value '" + cause.getValue() + "' for configuration property '" + cause.getName()
				+ "' (credentials masked). Validation failed for the following reason:\n\n" + cause.getReason();
		return new FailureAnalysis(description,
				"Review the value of the property " + cause.getName() + " with the provided reason.", cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
