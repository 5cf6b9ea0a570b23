package org.bitcoinrpc.spring.autoconfigure.follow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.List;

import org.bitcoinrpc.client.Notification;
import org.bitcoinrpc.client.model.BlockWithTransactions;
import org.bitcoinrpc.spring.follow.BlockListener;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * One {@link BlockListener} method of one bean, ready to be called with each change: only with
 * the changes its first parameter accepts, and with the block too when it has a second one.
 * Immutable; called on the follower's thread.
 */
final class BlockListenerMethod {

	private static final List<Class<?>> CHANGES = List.of(Notification.BlockChange.class,
			Notification.BlockConnected.class, Notification.BlockDisconnected.class);

	private final Object bean;

	/** The method as the bean (a proxy, maybe) exposes it, so that its advice applies. */
	private final Method method;

	private final Class<?> changeType;

	private final boolean takesBlock;

	private BlockListenerMethod(Object bean, Method method) {
		this.bean = bean;
		this.method = method;
		this.changeType = method.getParameterTypes()[0];
		this.takesBlock = method.getParameterCount() == 2;
	}

	/**
	 * Checks a method, so that a mistake fails the start-up rather than the first block.
	 * @param beanName the bean's name, for the message
	 * @param method the annotated method of the bean's class
	 * @param beanType the type of the bean as the context holds it (a proxy's, maybe), or
	 * {@code null} if unknown
	 * @return the method to call on such a bean
	 * @throws IllegalStateException naming the bean and the method, and saying what is allowed,
	 * when the signature is wrong or the proxy cannot call the method
	 */
	static Method check(String beanName, Method method, @Nullable Class<?> beanType) {
		Class<?>[] parameters = method.getParameterTypes();
		boolean valid = method.getReturnType() == void.class && parameters.length >= 1 && parameters.length <= 2
				&& CHANGES.contains(parameters[0])
				&& (parameters.length == 1 || parameters[1] == BlockWithTransactions.class);
		if (!valid) {
			throw invalid(beanName, method, "must return void and take Notification.BlockChange, "
					+ "Notification.BlockConnected or Notification.BlockDisconnected, optionally followed by "
					+ "BlockWithTransactions (which turns the follower's full-block mode on)");
		}
		try {
			return AopUtils.selectInvocableMethod(method, beanType);
		}
		catch (IllegalStateException ex) {
			// A JDK proxy without the method on an interface, or a private method on a class proxy.
			throw invalid(beanName, method, ex.getMessage());
		}
	}

	/**
	 * The method of a bean, checked, to be called on the bean as the context holds it.
	 * @param beanName the bean's name, for the messages
	 * @param bean the bean, a proxy maybe
	 * @param method the annotated method of the bean's class
	 * @return the method ready to call
	 * @throws IllegalStateException when the signature is wrong or the proxy cannot call the method
	 */
	static BlockListenerMethod of(String beanName, Object bean, Method method) {
		// Checked again with the bean's own class: a lazy or prototype bean's type was only predicted.
		Method invocable = check(beanName, method, bean.getClass());
		ReflectionUtils.makeAccessible(invocable);
		return new BlockListenerMethod(bean, invocable);
	}

	private static IllegalStateException invalid(String beanName, Method method, @Nullable String reason) {
		return new IllegalStateException("@BlockListener method " + ClassUtils.getQualifiedMethodName(method)
				+ "(" + parameterNames(method) + ") of bean '" + beanName + "': " + reason);
	}

	private static String parameterNames(Method method) {
		StringBuilder names = new StringBuilder();
		for (Class<?> type : method.getParameterTypes()) {
			names.append((names.length() > 0) ? ", " : "").append(type.getSimpleName());
		}
		return names.toString();
	}

	/** Whether the method takes the block with its transactions: the follower must fetch whole blocks. */
	boolean takesBlock() {
		return this.takesBlock;
	}

	/**
	 * Calls the method if it takes this kind of change.
	 * @param change the change
	 * @param block the block with its transactions, or {@code null} outside the full-block mode
	 * or for a disconnected block the node cannot give (pruned)
	 * @throws Exception what the method threw, as it threw it
	 */
	void invoke(Notification.BlockChange change, @Nullable BlockWithTransactions block) throws Exception {
		if (!this.changeType.isInstance(change)) {
			return;
		}
		try {
			if (this.takesBlock) {
				this.method.invoke(this.bean, change, block);
			}
			else {
				this.method.invoke(this.bean, change);
			}
		}
		catch (InvocationTargetException ex) {
			// The method's own exception fails the block, as a BlockHandler's would.
			Throwable cause = ex.getTargetException();
			if (cause instanceof Exception exception) {
				throw exception;
			}
			if (cause instanceof Error error) {
				throw error;
			}
			throw new UndeclaredThrowableException(cause);
		}
	}

	@Override
	public String toString() {
		return ClassUtils.getQualifiedMethodName(this.method);
	}

}
