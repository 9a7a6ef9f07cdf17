package io.monago.atrium.gateway.upstream;

import io.vertx.core.Future;
import java.time.Duration;

/** Waits without blocking: a Vert.x timer in the gateway, a recording stand-in in tests. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits.
     *
     * @param duration how long
     * @return completed when the time has passed
     */
    Future<Void> sleep(Duration duration);
}
