package org.bitcoinrpc.spring.autoconfigure.follow;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.asm.Type;
import org.springframework.util.ClassUtils;

/**
 * Methods in the order their source declares them. Reflection gives a class's methods in no
 * particular order, so the class file is read instead, where javac keeps the source's order, as
 * Spring does for the {@code @Bean} methods of a configuration class. A superclass's methods come
 * before its subclass's; where a class file cannot be read, its methods come last, by name.
 */
final class DeclarationOrder {

	private DeclarationOrder() {
	}

	/**
	 * Sorts methods of one class hierarchy.
	 * @param methods the methods
	 * @return them, in declaration order
	 */
	static List<Method> sort(Collection<Method> methods) {
		Map<Class<?>, Map<String, Integer>> positions = new HashMap<>();
		Comparator<Method> order = Comparator.comparingInt((Method method) -> depth(method.getDeclaringClass()))
			.thenComparingInt((method) -> positions.computeIfAbsent(method.getDeclaringClass(), DeclarationOrder::read)
				.getOrDefault(key(method), Integer.MAX_VALUE))
			.thenComparing(DeclarationOrder::key);
		List<Method> sorted = new ArrayList<>(methods);
		sorted.sort(order);
		return sorted;
	}

	private static int depth(Class<?> type) {
		int depth = 0;
		for (Class<?> superclass = type.getSuperclass(); superclass != null; superclass = superclass.getSuperclass()) {
			depth++;
		}
		return depth;
	}

	private static String key(Method method) {
		return method.getName() + Type.getMethodDescriptor(method);
	}

	/** Each method's position in the class file, by name and descriptor; empty if it cannot be read. */
	private static Map<String, Integer> read(Class<?> type) {
		Map<String, Integer> positions = new HashMap<>();
		ClassLoader classLoader = (type.getClassLoader() != null) ? type.getClassLoader()
				: ClassLoader.getSystemClassLoader();
		try (InputStream in = classLoader.getResourceAsStream(ClassUtils.convertClassNameToResourcePath(
				type.getName()) + ClassUtils.CLASS_FILE_SUFFIX)) {
			if (in != null) {
				new ClassReader(in).accept(new ClassVisitor(SpringAsmInfo.ASM_VERSION) {

					@Override
					public @Nullable MethodVisitor visitMethod(int access, String name, String descriptor,
							@Nullable String signature, String @Nullable [] exceptions) {
						positions.putIfAbsent(name + descriptor, positions.size());
						return null;
					}

				}, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
			}
		}
		catch (IOException | RuntimeException ex) {
			// A class made at run time, or one the ASM of this Spring cannot read: by name only.
			positions.clear();
		}
		return positions;
	}

}
