package org.bitcoinrpc.client.model;

import java.util.List;

/**
 * Core's {@code getdescriptoractivity}: what the given blocks (and optionally the mempool) did to
 * the scripts of some descriptors.
 *
 * @param activity each receive and spend, in block order, mempool ones last
 */
public record DescriptorActivity(List<DescriptorActivityEntry> activity) {
}
