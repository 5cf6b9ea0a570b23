/**
 * The README's java snippets, each a tagged region of a compiled (and, where cheap, run) source
 * here, and the test that README.md shows them exactly ({@code ReadmeSnippetsTests}). Outside
 * {@code org.bitcoinrpc.sample} on purpose: the sample application's component scan must not pick
 * up the snippets' configurations and components.
 */
@NullMarked
package org.bitcoinrpc.readme;

import org.jspecify.annotations.NullMarked;
