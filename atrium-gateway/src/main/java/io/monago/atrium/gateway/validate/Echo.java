package io.monago.atrium.gateway.validate;

import io.monago.atrium.guard.pii.PiiScanner;
import java.util.regex.Pattern;

/**
 * What of a caller's own input an error message may repeat: a name that looks like a field name,
 * holds no long run of digits and in which the PII scanner finds nothing. Anything else (a NIK
 * typed as a field name, an access key such as {@code AKIA...} sent as one, a sentence) is
 * described, not quoted, so an error never carries personal data or a secret back.
 */
final class Echo {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,63}");
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9]{5,}");

    private Echo() {}

    static String name(String name) {
        return FIELD_NAME.matcher(name).matches()
                        && !DIGIT_RUN.matcher(name).find()
                        && PiiScanner.defaults().scan(name).isEmpty()
                ? name
                : "(a field name not repeated here)";
    }
}
