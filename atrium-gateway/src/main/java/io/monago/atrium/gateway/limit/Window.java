package io.monago.atrium.gateway.limit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A counting window: this minute, this local day or this local month. A window is named by the
 * number of its period, so counters of a past window are simply left behind.
 */
enum Window {
    /** The current clock minute. */
    MINUTE,
    /** The current day in the workspace's time zone. */
    DAY,
    /** The current calendar month in the workspace's time zone. */
    MONTH;

    /** {@return the number of the window that holds {@code now}} */
    long index(Instant now, ZoneId zone) {
        return switch (this) {
            case MINUTE -> now.getEpochSecond() / 60;
            case DAY -> now.atZone(zone).toLocalDate().toEpochDay();
            case MONTH -> {
                ZonedDateTime local = now.atZone(zone);
                yield local.getYear() * 12L + local.getMonthValue();
            }
        };
    }

    /** {@return whole seconds until the window that holds {@code now} ends, at least 1} */
    long secondsLeft(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime end = switch (this) {
            case MINUTE -> local.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            case DAY -> local.toLocalDate().plusDays(1).atStartOfDay(zone);
            case MONTH -> local.toLocalDate().withDayOfMonth(1).plusMonths(1).atStartOfDay(zone);
        };
        long millis = Duration.between(now, end.toInstant()).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
