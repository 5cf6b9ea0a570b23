package org.bitcoinrpc.client.model;

import java.util.List;

/**
 * Core's {@code createwalletdescriptor}: the descriptors it added to the wallet.
 *
 * @param descs the new active descriptors, with checksums: the receiving one and the change one
 * unless only one was asked for
 */
public record CreatedDescriptors(List<Descriptor> descs) {
}
