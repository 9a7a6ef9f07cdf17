package io.monago.atrium.guard.pii.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FoldedTextTest {
    @Test
    void foldsOneCharacterForOne() {
        String original = "ＮＩＫ ３２\u200B٠١ ۲۳ a\u00A0b－c＠d\u0000";
        char[] folded = FoldedText.fold(original);
        assertThat(folded).hasSize(original.length());
        assertThat(new String(folded)).isEqualTo("NIK 32\u000001 23 a b-c@d ");
    }

    @Test
    void invisibleCharactersBecomeIgnored() {
        for (char c : new char[] {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202E', '\uFE0F'}) {
            assertThat(FoldedText.foldBmp(c)).as("U+%04X", (int) c).isEqualTo(FoldedText.IGNORED);
        }
    }

    @Test
    void supplementaryDigitsAndTagsFold() {
        char[] folded = FoldedText.fold("\uD835\uDFD1x\uDB40\uDC41");
        assertThat(folded).containsExactly(FoldedText.IGNORED, '3', 'x', FoldedText.IGNORED, FoldedText.IGNORED);
    }

    @Test
    void charClasses() {
        assertThat(CharClass.of('a')).isEqualTo(CharClass.LETTER);
        assertThat(CharClass.of('é')).isEqualTo(CharClass.LETTER);
        assertThat(CharClass.of('7')).isEqualTo(CharClass.DIGIT);
        assertThat(CharClass.of(FoldedText.IGNORED)).isEqualTo(CharClass.IGNORABLE);
        assertThat(CharClass.of('\n')).isEqualTo(CharClass.STOP);
        assertThat(CharClass.of('€')).isEqualTo(CharClass.OTHER);
    }

    @Test
    void wordKeysAreCaseInsensitiveAndBounded() {
        assertThat(WordKey.of("Rekening")).isEqualTo(WordKey.of("rekening"));
        assertThat(WordKey.of("rekening".toCharArray(), 0, 8)).isEqualTo(WordKey.of("REKENING"));
        assertThat(WordKey.of("rek1".toCharArray(), 0, 4)).isZero();
        assertThatThrownBy(() -> WordKey.of("kependudukanx")).isInstanceOf(IllegalArgumentException.class);
        KeywordTable table = KeywordTable.builder()
                .words(1, "nik")
                .phrase("rekam", "medis", 4, 8, 16)
                .build();
        assertThat(table.lookup(WordKey.of("NIK"))).isEqualTo(1);
        assertThat(table.lookup(WordKey.of("medis"))).isEqualTo(16);
        assertThat(table.phrase(WordKey.of("rekam"), WordKey.of("medis"))).isEqualTo(4);
        assertThat(table.lookup(WordKey.of("kk"))).isZero();
    }
}
