package org.bitcoinrpc.test;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The JUnit 5 extension: a started node, injected, shared with nested classes. */
class SimulatedNodeExtensionTests {

    @RegisterExtension
    static final SimulatedNodeExtension NODE = new SimulatedNodeExtension(
            SimulatedNode.builder().user("alice").password("secret").initialHeight(4));

    private static int portSeenBeforeAll;

    @BeforeAll
    static void beforeAll(SimulatedNode node) {
        portSeenBeforeAll = node.port();
    }

    @Test
    void injectsTheRunningNode(SimulatedNode node) throws Exception {
        assertThat(node).isSameAs(NODE.node());
        assertThat(node.isRunning()).isTrue();
        assertThat(node.port()).isEqualTo(portSeenBeforeAll);
        assertThat(node.user()).isEqualTo("alice");
        assertThat(node.password()).isEqualTo("secret");
        assertThat(Http.post(node, Http.rpc(1, "getblockcount", "[]")).body()).contains("\"result\":4");
    }

    @Nested
    class Inner {

        @Test
        void sharesTheOuterNode(SimulatedNode node) {
            assertThat(node).isSameAs(NODE.node());
            assertThat(node.isRunning()).isTrue();
        }
    }
}
