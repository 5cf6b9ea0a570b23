package org.bitcoinrpc.spring.autoconfigure.follow;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.spring.follow.BlockListener;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.Assert;

/**
 * Finds the {@link BlockListener} methods of the context's beans, as Spring's
 * {@code EventListenerMethodProcessor} finds {@code @EventListener} ones: once every singleton
 * exists, by the beans' classes behind any proxy, checking each signature so that a wrong one
 * fails the start-up. The beans themselves are looked up at each start of the follower
 * ({@link #methods()}), like the {@code BlockHandler} beans.
 */
class BlockListenerMethodProcessor implements SmartInitializingSingleton, BeanFactoryAware {

	private static final Log logger = LogFactory.getLog(BlockListenerMethodProcessor.class);

	/** Set once by the context, before {@link #afterSingletonsInstantiated()}. */
	private @Nullable ConfigurableListableBeanFactory beanFactory;

	/**
	 * The beans with annotated methods, as registered, each with its methods in declaration order.
	 * Written once when the singletons exist (the context's thread), read by each start after.
	 */
	private volatile List<Annotated> annotated = List.of();

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		Assert.isInstanceOf(ConfigurableListableBeanFactory.class, beanFactory,
				"@BlockListener methods need a ConfigurableListableBeanFactory");
		this.beanFactory = (ConfigurableListableBeanFactory) beanFactory;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ConfigurableListableBeanFactory factory = beanFactory();
		List<Annotated> found = new ArrayList<>();
		for (String beanName : factory.getBeanNamesForType(Object.class)) {
			// The target of a scoped proxy is reached through the proxy, listed under its own name.
			if (ScopedProxyUtils.isScopedTarget(beanName)) {
				continue;
			}
			Class<?> type = targetClass(factory, beanName);
			// Spring's own beans have none: not worth looking through their methods.
			if (type == null || type.getName().startsWith("org.springframework.")
					|| !AnnotationUtils.isCandidateClass(type, BlockListener.class)) {
				continue;
			}
			Map<Method, BlockListener> methods = MethodIntrospector.selectMethods(type,
					(MethodIntrospector.MetadataLookup<BlockListener>) (method) -> AnnotatedElementUtils
						.findMergedAnnotation(method, BlockListener.class));
			if (methods.isEmpty()) {
				continue;
			}
			List<Method> sorted = DeclarationOrder.sort(methods.keySet());
			Class<?> beanType = factory.getType(beanName);
			for (Method method : sorted) {
				BlockListenerMethod.check(beanName, method, beanType);
			}
			found.add(new Annotated(beanName, sorted));
		}
		this.annotated = List.copyOf(found);
	}

	private static @Nullable Class<?> targetClass(ConfigurableListableBeanFactory factory, String beanName) {
		try {
			return AutoProxyUtils.determineTargetClass(factory, beanName);
		}
		catch (Throwable ex) {
			// A bean whose type cannot be resolved (a lazy bean of a missing class): it has no
			// method to call anyway, as EventListenerMethodProcessor reasons.
			if (logger.isDebugEnabled()) {
				logger.debug("Could not resolve the target class of bean '" + beanName + "'", ex);
			}
			return null;
		}
	}

	/**
	 * The methods on the beans as they are now, in the order they are called: the beans in
	 * {@code @Order} (on the class, or on the {@code @Bean} method) or {@link org.springframework.core.Ordered},
	 * equal ones as registered; each bean's methods in declaration order.
	 * @return the methods, empty before the singletons exist
	 * @throws IllegalStateException if a bean's proxy cannot call a method
	 */
	List<BlockListenerMethod> methods() {
		List<Annotated> annotated = this.annotated;
		if (annotated.isEmpty()) {
			return List.of();
		}
		ConfigurableListableBeanFactory factory = beanFactory();
		Map<Object, Annotated> byBean = new IdentityHashMap<>();
		List<Object> beans = new ArrayList<>();
		for (Annotated each : annotated) {
			Object bean = factory.getBean(each.beanName());
			// One instance under two names (a factory's product) is called once.
			if (byBean.putIfAbsent(bean, each) == null) {
				beans.add(bean);
			}
		}
		// Stable: beans of equal order stay as registered.
		beans.sort(orderOf(factory, byBean));
		List<BlockListenerMethod> methods = new ArrayList<>();
		for (Object bean : beans) {
			Annotated each = byBean.get(bean);
			for (Method method : each.methods()) {
				methods.add(BlockListenerMethod.of(each.beanName(), bean, method));
			}
		}
		return List.copyOf(methods);
	}

	/**
	 * As {@code ObjectProvider.orderedStream()} orders beans: by the bean's {@code Ordered} or
	 * {@code @Order}, or else by the {@code @Order} of the {@code @Bean} method that made it.
	 */
	private static Comparator<Object> orderOf(ConfigurableListableBeanFactory factory, Map<Object, Annotated> byBean) {
		return AnnotationAwareOrderComparator.INSTANCE.withSourceProvider((bean) -> {
			Annotated each = byBean.get(bean);
			if (each == null || !factory.containsBeanDefinition(each.beanName())) {
				return null;
			}
			BeanDefinition definition = factory.getMergedBeanDefinition(each.beanName());
			if (!(definition instanceof RootBeanDefinition root)) {
				return null;
			}
			List<Object> sources = new ArrayList<>(2);
			Method factoryMethod = root.getResolvedFactoryMethod();
			if (factoryMethod != null) {
				sources.add(factoryMethod);
			}
			Class<?> targetType = root.getTargetType();
			if (targetType != null && targetType != bean.getClass()) {
				sources.add(targetType);
			}
			return sources.toArray();
		});
	}

	private ConfigurableListableBeanFactory beanFactory() {
		ConfigurableListableBeanFactory factory = this.beanFactory;
		Assert.state(factory != null, "No BeanFactory");
		return factory;
	}

	/**
	 * A bean with annotated methods.
	 * @param beanName the bean's name
	 * @param methods its annotated methods, checked, in declaration order
	 */
	private record Annotated(String beanName, List<Method> methods) {

	}

}
