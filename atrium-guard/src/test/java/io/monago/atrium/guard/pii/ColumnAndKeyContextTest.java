package io.monago.atrium.guard.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.monago.atrium.guard.pii.names.FieldKeys;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Context from a text's structure for values other than names, and the look-alikes it keeps out:
 * a table's column header for the values under it, the words of identifiers ({@code tgl_lahir},
 * {@code dateOfBirth}), businesses and companies that start with a given name, and IPv4 values
 * that name no host.
 */
class ColumnAndKeyContextTest {
    private final PiiScanner scanner = PiiScanner.defaults();
    private final PiiPolicy policy = PiiPolicy.defaults();

    private List<String> acted(String text) {
        return scanner.scan(text).stream()
                .filter(f -> f.confidence() >= policy.rule(f.type()).minConfidence())
                .map(f -> f.type() + "=" + f.valueIn(text))
                .collect(Collectors.toList());
    }

    @Nested
    class ColumnHeaders {
        @Test
        void aPhoneColumnMakesAnyNumberUnderItAPhoneNumber() {
            String csv = """
                    customer_id,full_name,telephone
                    C-1,Gareth Pryce,07786355412
                    C-2,Ayu Lestari,0210404485
                    """;
            assertThat(acted(csv)).contains("PHONE=07786355412", "PHONE=0210404485");
        }

        @Test
        void theSameNumbersUnderAnotherHeaderAreNotPhoneNumbers() {
            String csv = """
                    customer_id,code
                    C-1,07786355412
                    C-2,0210404485
                    """;
            assertThat(acted(csv)).isEmpty();
        }

        @Test
        void semicolonsTabsAndMarkdownTablesToo() {
            assertThat(acted("ID;NAMA;TELEPON\n88101;SRI WAHYUNINGSIH;0274563210\n"))
                    .contains("PHONE=0274563210");
            assertThat(acted("nama\ttelepon\nRina Marlina\t0274563210\n")).contains("PHONE=0274563210");
            assertThat(acted("| Nama | Telepon |\n|---|---|\n| Rina | 0274563210 |\n"))
                    .contains("PHONE=0274563210");
        }

        @Test
        void aDateOfBirthColumn() {
            assertThat(acted("no,tgl_lahir\n1,12/03/1985\n2,05/07/1990\n"))
                    .containsExactly("DATE_OF_BIRTH=12/03/1985", "DATE_OF_BIRTH=05/07/1990");
            assertThat(acted("no,tgl_masuk\n1,12/03/1985\n")).isEmpty();
        }

        @Test
        void aVersionOrFirmwareColumnIsAReference() {
            assertThat(acted("component,version\napi,4.12.0.1\n")).isEmpty();
            assertThat(acted("device\tfirmware\nth-01\t2.4.1.7\n")).isEmpty();
            assertThat(acted("component,host\napi,4.12.0.1\n")).containsExactly("IP_ADDRESS=4.12.0.1");
        }

        @Test
        void aCellsContextIsItsColumnNotTheCellsBeforeIt() {
            // "rekening" heads the second column; the third column's number is not an account.
            assertThat(acted("nama,rekening,kode\nBudi Santoso,1560012345678,0312456789\n"))
                    .contains("BANK_ACCOUNT=1560012345678")
                    .doesNotContain("BANK_ACCOUNT=0312456789");
        }

        @Test
        void aRowWithAnotherNumberOfFieldsEndsTheTable() {
            assertThat(acted("nama,telepon\nRina,0274563210\n\nkode 0274563211 sudah dipakai\n"))
                    .contains("PHONE=0274563210")
                    .doesNotContain("PHONE=0274563211");
        }
    }

    @Nested
    class Identifiers {
        @ParameterizedTest
        @ValueSource(strings = {"tgl_lahir", "tanggal_lahir", "dateOfBirth", "date_of_birth", "birthDate"})
        void aKeysWordsAreContextWords(String key) {
            String json = "{\"" + key + "\": \"1992-08-26\"}";
            assertThat(acted(json)).containsExactly("DATE_OF_BIRTH=1992-08-26");
        }

        @Test
        void aKeyOfOtherWordsGivesNoContext() {
            assertThat(acted("{\"created_at\": \"1992-08-26\"}")).isEmpty();
        }
    }

    @Nested
    class BusinessesAndCompanies {
        @Test
        void aGivenNameBeforeATradeIsABusiness() {
            assertThat(acted("Dewi Lestari sudah datang.")).containsExactly("PERSON=Dewi Lestari");
            assertThat(acted("Dewi Laundry sudah buka.")).isEmpty();
            assertThat(acted("Pesan kue di Sari Roti atau Maria Cookies.")).isEmpty();
        }

        @Test
        void namesInASentenceThatListsCompaniesAreCompanies() {
            assertThat(acted("Our investors include Morgan Stanley.")).isEmpty();
            assertThat(acted("Supplier list: Maria Cookies, Andi Offset, Sari Roti."))
                    .isEmpty();
            // The next sentence is not a list of companies.
            assertThat(acted("Our investors are listed below. Then Morgan Stanley called."))
                    .containsExactly("PERSON=Morgan Stanley");
            // "brand" and "company" come before a person as often as before a company.
            assertThat(acted("Our brand ambassador Dewi Lestari will attend.")).containsExactly("PERSON=Dewi Lestari");
        }

        @Test
        void aNameColumnBesideProductOrCompanyColumnsIsAThings() {
            assertThat(FieldKeys.thingData("sku")).isTrue();
            assertThat(FieldKeys.thingData("nama_lengkap")).isFalse();
            assertThat(acted("sku,name,price\nMC-1,Maria Cookies Coklat,45000\n"))
                    .isEmpty();
            assertThat(acted("| Name | Sector |\n|---|---|\n| Morgan Stanley | Banking |\n"))
                    .isEmpty();
            // A person's data beside it makes the record a person's.
            assertThat(acted("| Name | Email |\n|---|---|\n| Morgan Stanley | ms@example.com |\n"))
                    .contains("PERSON=Morgan Stanley");
        }

        @Test
        void productNamesUnderAJsonNameKeyBesidePrices() {
            assertThat(acted("{\"sku\": \"MC-1\", \"name\": \"Maria Cookies\", \"price\": 45000}"))
                    .isEmpty();
        }
    }

    @Nested
    class ContactWords {
        @Test
        void howToReachSomeoneIsAPhoneNumbersContext() {
            assertThat(acted("He can be reached on 0220120515 or by post.")).containsExactly("PHONE=0220120515");
            assertThat(acted("Beliau dapat dihubungi di 0220120515 setiap hari."))
                    .containsExactly("PHONE=0220120515");
            assertThat(acted("He gave 0220120515 as a reference.")).isEmpty();
        }

        @Test
        void aDateAfterAPhoneWordIsNotAPhoneNumber() {
            assertThat(acted("The target was reached on 12/03/2026.")).isEmpty();
            assertThat(acted("Telepon masuk 2026-03-12, belum dijawab.")).isEmpty();
            assertThat(acted("Telepon 021-555-1234")).containsExactly("PHONE=021-555-1234");
        }
    }

    @Nested
    class NetworkAddresses {
        @Test
        void anAddressEndingInZeroOr255NamesNoHost() {
            assertThat(acted("fixed in 2.14.1.0 today")).isEmpty();
            assertThat(acted("server 10.0.12.0 down")).isEmpty();
            assertThat(acted("broadcast 10.0.12.255")).isEmpty();
            assertThat(acted("server 10.0.12.7 down")).containsExactly("IP_ADDRESS=10.0.12.7");
        }

        @Test
        void anIpWordReportsItAllTheSame() {
            assertThat(acted("IP 10.0.12.0 diblokir")).containsExactly("IP_ADDRESS=10.0.12.0");
        }
    }
}
