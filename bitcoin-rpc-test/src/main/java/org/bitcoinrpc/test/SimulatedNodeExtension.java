package org.bitcoinrpc.test;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts a {@link SimulatedNode} before a test class's tests and stops it after them, and injects it
 * into test and lifecycle method parameters of type {@code SimulatedNode}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(SimulatedNode.builder().initialHeight(10));
 *
 * @Test
 * void mines(SimulatedNode node) { ... NODE.node() is the same node ... }
 * }</pre>
 *
 * Register it on a {@code static} field (or with {@code @ExtendWith}, for the defaults). Nested test
 * classes share the outer class's node. Thread-safe.
 *
 * <p>Not for a Spring application context: the node would stop after the test class while the
 * TestContext framework keeps the context, and its client, for the next classes. There, use
 * {@code bitcoin-rpc-spring-boot-test}'s {@code @AutoConfigureSimulatedBitcoinNode} or a
 * {@code @SimulatedNodeConnection} node bean, which live as long as the context.
 */
public final class SimulatedNodeExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final SimulatedNode.Builder builder;

    /** Guards {@link #node} and {@link #depth}. */
    private final Object lock = new Object();

    /** The running node. Guarded by {@link #lock}. */
    private @Nullable SimulatedNode node;

    /** How many (nested) test classes are using the node. Guarded by {@link #lock}. */
    private int depth;

    /** An extension for a node with the builder's defaults. */
    public SimulatedNodeExtension() {
        this(SimulatedNode.builder());
    }

    /**
     * An extension for a node built by {@code builder} before the test class runs.
     * @param builder the node's configuration
     */
    public SimulatedNodeExtension(SimulatedNode.Builder builder) {
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (this.lock) {
            if (this.depth++ == 0) {
                this.node = this.builder.build().start();
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        synchronized (this.lock) {
            if (--this.depth == 0 && this.node != null) {
                SimulatedNode running = this.node;
                this.node = null;
                running.close();
            }
        }
    }

    /**
     * The node of the running test class.
     * @throws IllegalStateException outside the test class's lifetime
     */
    public SimulatedNode node() {
        synchronized (this.lock) {
            if (this.node == null) {
                throw new IllegalStateException(
                        "The simulated node is not running: register SimulatedNodeExtension on a static field");
            }
            return this.node;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == SimulatedNode.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return node();
    }
}
