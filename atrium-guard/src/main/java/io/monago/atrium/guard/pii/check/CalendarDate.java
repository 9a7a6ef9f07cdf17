package io.monago.atrium.guard.pii.check;

/**
 * Whether a day, month and year can be a real date, without allocating {@code java.time} objects on
 * the hot path.
 */
public final class CalendarDate {
    private static final int[] DAYS = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CalendarDate() {}

    /**
     * Whether the date exists.
     *
     * @param day day of month
     * @param month 1 to 12
     * @param year a four-digit year, or -1 when only the last two digits are known (29 February is
     *     then accepted for years divisible by 4)
     * @return true when the date exists
     */
    public static boolean valid(int day, int month, int year) {
        if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]) {
            return false;
        }
        if (month == 2 && day == 29 && year >= 0) {
            return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        }
        return true;
    }

    /**
     * Whether a two-digit year allows 29 February in at least one century.
     *
     * @param day day of month
     * @param month 1 to 12
     * @param yy two-digit year
     * @return true when the date exists in 19yy or 20yy
     */
    public static boolean validTwoDigitYear(int day, int month, int yy) {
        return valid(day, month, 1900 + yy) || valid(day, month, 2000 + yy);
    }
}
