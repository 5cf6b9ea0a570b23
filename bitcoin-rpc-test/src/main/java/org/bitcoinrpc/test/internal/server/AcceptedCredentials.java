package org.bitcoinrpc.test.internal.server;

/**
 * The user and password the node accepts right now, shared by every run of the server. Fixed for
 * a node built with a user and password; replaced at each start and by {@code rotateCookie()} for
 * a node with a cookie file, so that the old cookie is refused from the next request on, also on
 * connections opened before (as after a Bitcoin Core restart). Thread-safe. Never prints the
 * password.
 */
public final class AcceptedCredentials {

    /** Replaced whole by {@link #set} from any thread; read by every request's check. */
    private volatile BasicAuth current;

    /**
     * @param user the RPC user
     * @param password the RPC password
     */
    public AcceptedCredentials(String user, String password) {
        this.current = new BasicAuth(user, password);
    }

    /** Accepts these credentials from now on, and no longer the previous ones. */
    public void set(String user, String password) {
        this.current = new BasicAuth(user, password);
    }

    /** The check for the credentials accepted now. */
    BasicAuth current() {
        return this.current;
    }

    @Override
    public String toString() {
        return "AcceptedCredentials[******]";
    }
}
