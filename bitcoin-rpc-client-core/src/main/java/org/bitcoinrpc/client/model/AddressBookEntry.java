package org.bitcoinrpc.client.model;

/**
 * One address of Core's {@code getaddressesbylabel}, which answers an object keyed by address.
 *
 * @param purpose why the address is in the address book: {@code receive} (the wallet's own),
 * {@code send} (a payee) or {@code refund}
 */
public record AddressBookEntry(String purpose) {
}
