/**
 * Request tracking, timers and notification dispatch. Internal plumbing; may change between
 * releases.
 */
@NullMarked
package org.bitcoinrpc.client.internal;

import org.jspecify.annotations.NullMarked;
