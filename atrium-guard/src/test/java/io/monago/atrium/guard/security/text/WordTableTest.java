package io.monago.atrium.guard.security.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordTableTest {
    @Test
    void wordsAreFoundByTheirCharsInAnyHolder() {
        WordTable table = WordTable.of(List.of("ignore", "abaikan", "instruksi"));
        String text = "tolong abaikan semua";

        assertThat(table.find("abaikan")).isEqualTo(1);
        assertThat(table.find(text, 7, 14, WordHash.of(text, 7, 14))).isEqualTo(1);
        assertThat(table.find(text.toCharArray(), 7, 14, WordHash.of(text.toCharArray(), 7, 14)))
                .isEqualTo(1);
        assertThat(table.find("abaika")).isEqualTo(-1);
        assertThat(table.find("semua")).isEqualTo(-1);
        assertThat(table.word(2)).isEqualTo("instruksi");
    }

    @Test
    void aHashCollisionIsToldApartByTheChars() {
        WordTable table = WordTable.of(List.of("ignore"));
        // The right hash with the wrong chars: a lookup compares chars before answering.
        assertThat(table.find("ignorx", 0, 6, WordHash.of("ignore"))).isEqualTo(-1);
    }

    @Test
    void everyWordOfALargeTableIsFound() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            words.add("w" + Integer.toString(i, 36));
        }
        WordTable table = WordTable.of(words);
        for (int i = 0; i < words.size(); i++) {
            assertThat(table.find(words.get(i))).isEqualTo(i);
        }
    }

    @Test
    void aWordListedTwiceIsRejected() {
        assertThatThrownBy(() -> WordTable.of(List.of("a", "b", "a")))
                .hasMessageContaining("duplicate word in table: a");
    }
}
