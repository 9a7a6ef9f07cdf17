package io.monago.atrium.cli;

/** A problem the user can fix by changing what they typed or wrote (exit code 2). */
final class UsageProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UsageProblem(String message) {
        super(message, null, false, false);
    }
}
