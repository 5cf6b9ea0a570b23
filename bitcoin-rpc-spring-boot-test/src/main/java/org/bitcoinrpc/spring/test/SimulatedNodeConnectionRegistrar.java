package org.bitcoinrpc.spring.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.bitcoinrpc.test.SimulatedNode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactories;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.StringUtils;

/**
 * Registers, for each {@link SimulatedNodeConnection @SimulatedNodeConnection} node bean, the
 * connection details the registered {@code ConnectionDetailsFactory} instances derive from it, as
 * Spring Boot's {@code ServiceConnectionAutoConfigurationRegistrar} does for containers; and a
 * {@link SimulatedNodeStarter} and a {@link SimulatedNodeReadiness} for those nodes. Runs while configuration classes are read, before
 * any bean exists, so the details find their node lazily.
 */
class SimulatedNodeConnectionRegistrar implements ImportBeanDefinitionRegistrar {

	private static final Log logger = LogFactory.getLog(SimulatedNodeConnectionRegistrar.class);

	private final BeanFactory beanFactory;

	SimulatedNodeConnectionRegistrar(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
		if (!(this.beanFactory instanceof ConfigurableListableBeanFactory beanFactory)) {
			return;
		}
		ConnectionDetailsFactories factories = new ConnectionDetailsFactories(beanFactory.getBeanClassLoader());
		List<String> nodes = new ArrayList<>();
		for (String beanName : beanFactory.getBeanNamesForType(SimulatedNode.class, true, false)) {
			SimulatedNodeConnection connection = findAnnotation(beanFactory, beanName);
			if (connection == null) {
				continue;
			}
			nodes.add(beanName);
			SimulatedNodeConnectionSource source = new SimulatedNodeConnectionSource(beanName, connection.transport(),
					() -> beanFactory.getBean(beanName, SimulatedNode.class));
			factories.getConnectionDetails(source, true)
				.forEach((type, details) -> register(beanFactory, registry, source, type, details));
		}
		if (!nodes.isEmpty()) {
			RootBeanDefinition starter = new RootBeanDefinition(SimulatedNodeStarter.class);
			starter.getConstructorArgumentValues().addGenericArgumentValue(List.copyOf(nodes));
			starter.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(SimulatedNodeStarter.class.getName(), starter);
			RootBeanDefinition readiness = new RootBeanDefinition(SimulatedNodeReadiness.class);
			readiness.getConstructorArgumentValues().addGenericArgumentValue(List.copyOf(nodes));
			readiness.setRole(BeanDefinition.ROLE_INFRASTRUCTURE);
			registry.registerBeanDefinition(SimulatedNodeReadiness.class.getName(), readiness);
		}
	}

	@SuppressWarnings("unchecked")
	private <T> void register(ConfigurableListableBeanFactory beanFactory, BeanDefinitionRegistry registry,
			SimulatedNodeConnectionSource source, Class<?> type, ConnectionDetails details) {
		String[] existing = beanFactory.getBeanNamesForType(type, true, false);
		if (existing.length > 0) {
			// The application's own details (or those of another node) win, as with @ServiceConnection.
			logger.debug("Not registering " + type.getName() + " for " + source + ": there is already "
					+ Arrays.asList(existing));
			return;
		}
		RootBeanDefinition definition = new RootBeanDefinition((Class<T>) details.getClass(), () -> (T) details);
		// Made after the node and destroyed before it: the client, which needs the details, closes
		// before the node goes away.
		definition.setDependsOn(source.getBeanName());
		String name = StringUtils.uncapitalize(type.getSimpleName()) + "For"
				+ StringUtils.capitalize(source.getBeanName());
		logger.debug("Registering '" + name + "' for " + source);
		registry.registerBeanDefinition(name, definition);
	}

	/** The annotation on the bean's factory method, wherever the definition keeps it. */
	private static @Nullable SimulatedNodeConnection findAnnotation(ConfigurableListableBeanFactory beanFactory,
			String beanName) {
		BeanDefinition definition;
		try {
			definition = beanFactory.getBeanDefinition(beanName);
		}
		catch (NoSuchBeanDefinitionException ex) {
			return null;
		}
		MergedAnnotations annotations = null;
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			annotations = (factoryMethod != null) ? factoryMethod.getAnnotations() : annotated.getMetadata().getAnnotations();
		}
		else if (definition instanceof RootBeanDefinition root && root.getResolvedFactoryMethod() != null) {
			annotations = MergedAnnotations.from(root.getResolvedFactoryMethod());
		}
		if (annotations != null) {
			MergedAnnotation<SimulatedNodeConnection> annotation = annotations.get(SimulatedNodeConnection.class);
			if (annotation.isPresent()) {
				return annotation.synthesize();
			}
		}
		return beanFactory.findAnnotationOnBean(beanName, SimulatedNodeConnection.class, false);
	}

}
