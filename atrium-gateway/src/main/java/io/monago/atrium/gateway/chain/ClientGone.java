package io.monago.atrium.gateway.chain;

/** The caller closed its connection while its answer was still streaming. */
public final class ClientGone extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the signal; it has no stack, since it is no error of the gateway's. */
    public ClientGone() {
        super("the caller closed the connection", null, false, false);
    }
}
