package io.monago.atrium.guard.redact;

import io.monago.atrium.guard.pii.entity.EntityType;
import io.monago.atrium.guard.pii.text.FoldedText;
import java.util.Locale;

/**
 * The normal form of a value, so that {@code 0812-3456-7890}, {@code +62 812 3456 7890} and
 * {@code ０８１２３４５６７８９０} are the same phone number and get the same placeholder.
 */
final class CanonicalValue {
    private CanonicalValue() {}

    static String of(EntityType type, CharSequence value) {
        char[] folded = FoldedText.fold(value);
        return switch (type) {
            case NIK, KK, NPWP, BPJS, CREDIT_CARD, SSN, BANK_ACCOUNT -> digits(folded);
            case PHONE -> {
                String d = digits(folded);
                yield d.startsWith("62") && d.length() >= 10 ? "0" + d.substring(2) : d;
            }
            case EMAIL -> email(visible(folded).toLowerCase(Locale.ROOT));
            case IBAN -> visible(folded).replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
            // "BUDI SANTOSO" and "Budi  Santoso" are one person, "Jl. Melati" and "JL. MELATI" one street.
            case PERSON, ADDRESS ->
                String.join(" ", visible(folded).toLowerCase(Locale.ROOT).trim().split("\\s+", -1));
            default -> visible(folded);
        };
    }

    private static String digits(char[] folded) {
        StringBuilder b = new StringBuilder(folded.length);
        for (char c : folded) {
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String visible(char[] folded) {
        StringBuilder b = new StringBuilder(folded.length);
        for (char c : folded) {
            if (c != FoldedText.IGNORED) {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static String email(String s) {
        String t = s.replace(" at ", "@").replace(" dot ", ".").replace(" ", "");
        for (String open : new String[] {"[", "(", "{", "<"}) {
            String close = open.equals("[") ? "]" : open.equals("(") ? ")" : open.equals("{") ? "}" : ">";
            t = t.replace(open + "at" + close, "@").replace(open + "dot" + close, ".");
        }
        return t;
    }
}
