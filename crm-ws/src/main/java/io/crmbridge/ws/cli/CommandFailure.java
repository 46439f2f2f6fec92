package io.crmbridge.ws.cli;

/** A command that cannot go on; its message is the one line the user sees. */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }
}
