package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values written to slip past a detector while a reader (and a model) still reads them: mixed and
 * spaced separators, a separator after every character, invisible characters inside an id,
 * spaced dots in a spelled-out address, digit look-alikes. Each is found whole.
 */
class EvasionsTest {
    private final PiiScanner scanner = PiiScanner.defaults();

    private List<String> found(String text) {
        return scanner.scan(text).stream()
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "npwp spaced and mixed|NPWP saya 092. 542943 - 4 - 407. 000 ya|NPWP=092. 542943 - 4 - 407. 000",
                "npwp spaced dots|NPWP: 09 . 254 . 294 . 3 - 407 . 000|NPWP=09 . 254 . 294 . 3 - 407 . 000",
                "account one digit at a time|Rekening BCA 5-2-7.1-2-3.4-5-6.7 ya|BANK_ACCOUNT=5-2-7.1-2-3.4-5-6.7",
                "account spaced mixed|Transfer ke rek 5 - 2 - 7. 1-2-3.4 - 5.6 - 7|BANK_ACCOUNT=5 - 2 - 7. 1-2-3.4 - 5.6 - 7",
                "phone mixed|HP: 0812 - 3456 . 7890|PHONE=0812 - 3456 . 7890",
                "passport dashed|Nomor paspor C-4-8-8-1-9-2-7|PASSPORT=C-4-8-8-1-9-2-7",
                "passport dotted|passport no. X.5.5.1.2.0.9.3|PASSPORT=X.5.5.1.2.0.9.3",
                "email spaced dot|email budi.santoso [at] gmail . com|EMAIL=budi.santoso [at] gmail . com",
                "email spaced dots|surel: rina [at] rs-harapan . co . id|EMAIL=rina [at] rs-harapan . co . id",
                "email word dots both sides|kirim ke budi dot santoso at gmail dot com|EMAIL=budi dot santoso at gmail dot com",
                "circled digits|NIK ③②⑦③⓪①①②⓪③⑥⑥⓪⓪⓪④|NIK=③②⑦③⓪①①②⓪③⑥⑥⓪⓪⓪④",
                "superscript digits|NIK ³²⁷³⁰¹¹²⁰³⁶⁶⁰⁰⁰⁴|NIK=³²⁷³⁰¹¹²⁰³⁶⁶⁰⁰⁰⁴",
                "digits as Indonesian words|NIK saya tiga dua tujuh tiga nol satu satu dua nol tiga enam enam nol nol nol empat ya"
                        + "|NIK=tiga dua tujuh tiga nol satu satu dua nol tiga enam enam nol nol nol empat",
                "digits as English words|call me on zero eight one two, three four five six, seven eight nine zero"
                        + "|PHONE=zero eight one two, three four five six, seven eight nine zero",
            })
    void areFoundWhole(String what, String text, String expected) {
        assertThat(found(text)).as(what).containsExactly(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "zero-width inside a passport|Nomor paspor C9\u200b4\u200b41934 berlaku",
                "keycap digits|NIK 3\ufe0f\u20e32\ufe0f\u20e37\ufe0f\u20e33\ufe0f\u20e30\ufe0f\u20e31\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e30\ufe0f\u20e33\ufe0f\u20e36\ufe0f\u20e36\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e30\ufe0f\u20e34\ufe0f\u20e3",
            })
    void invisibleCharactersDoNotHideAValue(String what, String text) {
        assertThat(scanner.scan(text)).as(what).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a sentence after an address|Email saya budi@gmail.com. saya tunggu|EMAIL=budi@gmail.com",
                "a tax number is no phone by a word nearby|HP saya hilang, NPWP 09.254.294.3-407.000|NPWP=09.254.294.3-407.000",
                "a count in words|NIK 3273011203660004 untuk satu dua tiga empat lima enam orang|NIK=3273011203660004",
            })
    void spacedSeparatorsDoNotStretchAValue(String what, String text, String expected) {
        assertThat(found(text)).as(what).containsExactly(expected);
    }
}
