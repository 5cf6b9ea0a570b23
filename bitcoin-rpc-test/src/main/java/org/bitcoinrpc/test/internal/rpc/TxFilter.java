package org.bitcoinrpc.test.internal.rpc;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.bitcoinrpc.test.internal.chain.Addresses;
import org.bitcoinrpc.test.internal.chain.OutPoint;

/**
 * A session's {@code loadtxfilter} filter, as btcd's {@code wsClientFilter}: addresses (kept in the
 * form btcd compares, invalid ones silently dropped as btcd drops them) and unspent outpoints.
 * Not thread-safe: {@link Subscriptions} guards it.
 */
final class TxFilter {

    private final Set<String> addresses = new HashSet<>();

    private final Set<OutPoint> unspent = new HashSet<>();

    TxFilter(Collection<String> addresses, Collection<OutPoint> outPoints) {
        add(addresses, outPoints);
    }

    void add(Collection<String> more, Collection<OutPoint> outPoints) {
        for (String address : more) {
            String canonical = Addresses.canonical(address);
            if (canonical != null) {
                this.addresses.add(canonical);
            }
        }
        this.unspent.addAll(outPoints);
    }

    boolean hasAddress(String canonicalAddress) {
        return this.addresses.contains(canonicalAddress);
    }

    boolean hasUnspent(OutPoint outPoint) {
        return this.unspent.contains(outPoint);
    }

    void addUnspent(OutPoint outPoint) {
        this.unspent.add(outPoint);
    }

    int addressCount() {
        return this.addresses.size();
    }

    int outPointCount() {
        return this.unspent.size();
    }
}
