package org.bitcoinrpc.spring.test;

import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Clears the application context's {@link BitcoinRpcEvents} after each test method, so that the
 * next test, in this class or in another one sharing the cached context, starts with the events
 * since then. Registered in {@code META-INF/spring.factories}, as Spring's own
 * {@code ApplicationEventsTestExecutionListener} is. It never loads a context: one that is not
 * loaded (or was just closed by {@code @DirtiesContext}) has nothing to clear.
 */
public class BitcoinRpcEventsTestExecutionListener implements TestExecutionListener, Ordered {

	/** After Spring's own listeners: it has nothing to prepare for them. */
	public static final int ORDER = Ordered.LOWEST_PRECEDENCE - 100;

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (testContext.hasApplicationContext()) {
			testContext.getApplicationContext().getBeanProvider(BitcoinRpcEvents.class).ifAvailable(BitcoinRpcEvents::clear);
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
