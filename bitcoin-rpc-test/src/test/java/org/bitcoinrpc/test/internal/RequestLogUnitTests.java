package org.bitcoinrpc.test.internal;

import org.bitcoinrpc.test.internal.control.RequestLog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The request log keeps the most recent entries only. */
class RequestLogUnitTests {

    @Test
    void theOldestEntriesAreDroppedBeyondTheCapacity() {
        RequestLog log = new RequestLog(3);

        for (int i = 1; i <= 5; i++) {
            log.add(new RequestLog.Entry("ping", Integer.toString(i), "[]", 1));
        }

        assertThat(log.entries()).extracting(RequestLog.Entry::idJson).containsExactly("3", "4", "5");
        log.clear();
        assertThat(log.entries()).isEmpty();
    }
}
