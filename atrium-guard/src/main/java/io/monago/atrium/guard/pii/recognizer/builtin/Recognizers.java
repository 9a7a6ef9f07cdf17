package io.monago.atrium.guard.pii.recognizer.builtin;

import io.monago.atrium.guard.pii.recognizer.DigitRecognizer;
import io.monago.atrium.guard.pii.recognizer.TokenRecognizer;
import java.util.List;

/** The recognisers that ship with the guard. */
public final class Recognizers {
    private Recognizers() {}

    /**
     * The number recognisers, one per entity type that can be written as digits.
     *
     * @return a new list
     */
    public static List<DigitRecognizer> digitRecognizers() {
        return List.of(
                new NikRecognizer(),
                new KkRecognizer(),
                new NpwpRecognizer(),
                new BpjsRecognizer(),
                new PhoneRecognizer(),
                new CreditCardRecognizer(),
                new SsnRecognizer(),
                new PassportRecognizer(),
                new Ipv4Recognizer(),
                new DateOfBirthRecognizer(),
                new BankAccountRecognizer(),
                new MrnRecognizer());
    }

    /**
     * The compound-token recognisers.
     *
     * @return a new list
     */
    public static List<TokenRecognizer> tokenRecognizers() {
        return List.of(
                new SecretPrefixRecognizer(),
                new JwtRecognizer(),
                new IbanRecognizer(),
                new PassportRecognizer(),
                new MrnRecognizer());
    }
}
