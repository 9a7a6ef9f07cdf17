package io.monago.atrium.cli;

/**
 * Runs a drain action when the process is asked to stop (SIGTERM, SIGINT), and makes such a stop
 * exit with status 0: a drained gateway stopped cleanly, whatever signal asked it to.
 */
final class ShutdownSignal {

    private ShutdownSignal() {}

    static void onTermination(Runnable drain) {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            drain.run();
                            // The JVM would report 128+signal; a completed drain is a successful stop.
                            Runtime.getRuntime().halt(0);
                        },
                        "atrium-shutdown"));
    }
}
