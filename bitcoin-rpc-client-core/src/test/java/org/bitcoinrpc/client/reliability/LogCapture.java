package org.bitcoinrpc.client.reliability;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Re-levels logback for the duration of a test and hands every event, fully formatted (message,
 * arguments, key-value pairs and the whole throwable with its causes and suppressed ones), to a
 * consumer. {@link #close()} restores every level and appender as they were.
 */
final class LogCapture implements AutoCloseable {

	/** One formatted log line: who logged it, on which thread, and all of its text. */
	record Line(Level level, String logger, String thread, String text) {
	}

	private final LoggerContext context;

	private final Logger root;

	private final Map<Logger, Level> savedLevels = new LinkedHashMap<>();

	private final List<Appender<ILoggingEvent>> detached = new ArrayList<>();

	private final AppenderBase<ILoggingEvent> appender;

	/**
	 * @param rootLevel the level for the root logger; every logger with a level of its own is set to inherit it
	 * @param silenceConsole whether to detach the root's other appenders (the console) meanwhile
	 */
	LogCapture(Level rootLevel, boolean silenceConsole, Consumer<Line> consumer) {
		this.context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.root = this.context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (Logger logger : this.context.getLoggerList()) {
			if (logger.getLevel() != null) {
				this.savedLevels.put(logger, logger.getLevel());
			}
		}
		this.appender = new AppenderBase<>() {

			@Override
			protected void append(ILoggingEvent event) {
				consumer.accept(new Line(event.getLevel(), event.getLoggerName(), event.getThreadName(), format(event)));
			}

		};
		this.appender.setContext(this.context);
		this.appender.setName("reliability-capture");
		this.appender.start();
		if (silenceConsole) {
			for (Iterator<Appender<ILoggingEvent>> it = this.root.iteratorForAppenders(); it.hasNext();) {
				this.detached.add(it.next());
			}
			this.detached.forEach((each) -> this.root.detachAppender(each));
		}
		for (Logger logger : this.savedLevels.keySet()) {
			if (logger != this.root) {
				logger.setLevel(null);
			}
		}
		this.root.setLevel(rootLevel);
		this.root.addAppender(this.appender);
	}

	/** Sets one logger's level while capturing (restored by {@link #close()}). */
	void level(String loggerName, Level level) {
		Logger logger = this.context.getLogger(loggerName);
		this.savedLevels.putIfAbsent(logger, logger.getLevel());
		logger.setLevel(level);
	}

	static String format(ILoggingEvent event) {
		StringBuilder text = new StringBuilder();
		text.append(event.getLevel()).append(' ').append(event.getLoggerName()).append(" [").append(event.getThreadName())
			.append("] ").append(event.getFormattedMessage());
		if (event.getMessage() != null) {
			// The raw pattern and each argument, in case a formatter would show them differently.
			text.append(" | pattern=").append(event.getMessage());
		}
		Object[] arguments = event.getArgumentArray();
		if (arguments != null) {
			for (Object argument : arguments) {
				text.append(" | arg=").append(safeToString(argument));
			}
		}
		if (event.getKeyValuePairs() != null) {
			event.getKeyValuePairs().forEach((pair) -> text.append(" | ").append(pair.key).append('=').append(safeToString(pair.value)));
		}
		if (event.getMDCPropertyMap() != null && !event.getMDCPropertyMap().isEmpty()) {
			text.append(" | mdc=").append(event.getMDCPropertyMap());
		}
		IThrowableProxy throwable = event.getThrowableProxy();
		if (throwable != null) {
			text.append(System.lineSeparator()).append(ThrowableProxyUtil.asString(throwable));
		}
		return text.toString();
	}

	private static String safeToString(Object value) {
		try {
			if (value instanceof Object[] array) {
				return java.util.Arrays.deepToString(array);
			}
			if (value instanceof byte[] bytes) {
				return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
			}
			return String.valueOf(value);
		}
		catch (RuntimeException ex) {
			return "<toString failed: " + ex + ">";
		}
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.appender.stop();
		this.savedLevels.forEach(Logger::setLevel);
		if (!this.savedLevels.containsKey(this.root)) {
			this.root.setLevel(Level.DEBUG);
		}
		this.detached.forEach(this.root::addAppender);
	}

}
