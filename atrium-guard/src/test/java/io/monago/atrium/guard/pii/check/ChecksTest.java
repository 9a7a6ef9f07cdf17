package io.monago.atrium.guard.pii.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChecksTest {
    @ParameterizedTest
    @CsvSource({
        "4111111111111111,true",
        "4111111111111112,false",
        "79927398713,true",
        "0000000000000000,true",
        "378282246310005,true",
        "378282246310006,false"
    })
    void luhn(String digits, boolean valid) {
        assertThat(Luhn.valid(Digits.of(digits))).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({
        "DE89370400440532013000,true",
        "GB82WEST12345698765432,true",
        "NL91ABNA0417164300,true",
        "DE89370400440532013001,false",
        "XX89370400440532013000,false"
    })
    void ibanMod97(String iban, boolean valid) {
        assertThat(Iban.valid(iban)).isEqualTo(valid);
    }

    @Test
    void ibanLengthsPerCountry() {
        assertThat(Iban.length('D', 'E')).isEqualTo(22);
        assertThat(Iban.length('g', 'b')).isEqualTo(22);
        assertThat(Iban.length('N', 'O')).isEqualTo(15);
        assertThat(Iban.length('I', 'D')).isZero(); // Indonesia does not use IBANs
    }

    @ParameterizedTest(name = "{0} {2}")
    @CsvSource({
        "3171015708450001,true,Jakarta Pusat woman born 17-08-1945",
        "3171011708450001,true,the same man",
        "3201234567890123,false,month 67",
        "9971011708450001,false,no province 99",
        "3199011708450001,false,no regency 99 in Jakarta",
        "3171001708450001,false,district 00",
        "3171013002001234,false,30 February",
        "3171012902001234,true,29 February 2000",
        "3171015708450000,false,serial 0000",
    })
    void nikStructure(String nik, boolean valid, String why) {
        assertThat(NikStructure.valid(Digits.of(nik), 0)).as(why).isEqualTo(valid);
    }

    @Test
    void calendarDates() {
        assertThat(CalendarDate.valid(29, 2, 2024)).isTrue();
        assertThat(CalendarDate.valid(29, 2, 1900)).isFalse();
        assertThat(CalendarDate.valid(31, 4, 2024)).isFalse();
        assertThat(CalendarDate.validTwoDigitYear(29, 2, 0)).isTrue();
        assertThat(CalendarDate.validTwoDigitYear(29, 2, 1)).isFalse();
    }

    @Test
    void callingCodes() {
        assertThat(CallingCodes.length(Digits.of("6281234567890"))).isEqualTo(2);
        assertThat(CallingCodes.length(Digits.of("14155552671"))).isEqualTo(1);
        assertThat(CallingCodes.length(Digits.of("35312345678"))).isEqualTo(3);
        assertThat(CallingCodes.length(Digits.of("0812345678"))).isZero();
    }

    @Test
    void cardIssuers() {
        assertThat(CardIssuers.known(Digits.of("4111111111111111"))).isTrue();
        assertThat(CardIssuers.known(Digits.of("5500000000000004"))).isTrue();
        assertThat(CardIssuers.known(Digits.of("378282246310005"))).isTrue();
        assertThat(CardIssuers.known(Digits.of("3782822463100050"))).isFalse(); // Amex has 15 digits
        assertThat(CardIssuers.known(Digits.of("9111111111111111"))).isFalse();
        assertThat(CardIssuers.loose(Digits.of("5018000000000009"))).isTrue();
        assertThat(CardIssuers.loose(Digits.of("4111111111111111"))).isFalse();
    }

    @Test
    void secretStrength() {
        char[] t = "hunter2 Tr0ub4dor&3 aaaaaaaa".toCharArray();
        assertThat(SecretStrength.count(SecretStrength.classes(t, 0, 7))).isEqualTo(2);
        assertThat(SecretStrength.count(SecretStrength.classes(t, 8, 19))).isEqualTo(4);
        assertThat(SecretStrength.entropy(t, 20, 28)).isZero();
        assertThat(SecretStrength.entropy(t, 8, 19)).isGreaterThan(3.0);
    }

    @Test
    void digitsRejectNonDigits() {
        assertThatThrownBy(() -> Digits.of("12a4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 2");
        assertThat(Digits.of("0123").value(1, 4)).isEqualTo(123);
    }
}
