package io.monago.atrium.cli;

import io.monago.atrium.gateway.config.ConfigException;

/** Turns a failure into one line for the operator: no stack traces. */
final class Errors {

    private Errors() {}

    static String describe(Throwable e) {
        if (e instanceof ConfigException || e instanceof UsageProblem) {
            return e.getMessage();
        }
        String message = e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && (message == null || !message.contains(cause.getMessage()))) {
            message = (message == null ? "" : message + ": ") + cause.getMessage();
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
