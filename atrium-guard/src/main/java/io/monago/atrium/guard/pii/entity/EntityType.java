package io.monago.atrium.guard.pii.entity;

/**
 * The kinds of personal data and secrets the guard recognises. The constant names are the wire
 * names used in {@code X-Monago-Pii-Redacted}, in placeholders ({@code [NIK_1]}) and in the audit
 * record.
 *
 * <p>Declaration order is also the last tie-breaker between two overlapping findings of equal rank:
 * the earlier constant wins (see {@link io.monago.atrium.guard.pii.PiiScanner}).
 */
public enum EntityType {
    /** Indonesian national identity number (Nomor Induk Kependudukan), 16 digits. */
    NIK,
    /** Indonesian family card number (Kartu Keluarga), 16 digits. */
    KK,
    /** Indonesian taxpayer number (NPWP), 15 digits (old form) or 16 digits (since 2024). */
    NPWP,
    /** Indonesian national health or employment insurance number (BPJS Kesehatan, Ketenagakerjaan). */
    BPJS,
    /** Telephone number: Indonesian mobile and landline, E.164 international, North American. */
    PHONE,
    /** E-mail address, including spelled-out forms such as {@code budi [at] mail [dot] com}. */
    EMAIL,
    /** Payment card number (Luhn checksum, issuer ranges). */
    CREDIT_CARD,
    /** International bank account number (mod 97 checksum, per-country length). */
    IBAN,
    /** United States social security number. */
    SSN,
    /** Passport number (needs context). */
    PASSPORT,
    /** IPv4 or IPv6 address. */
    IP_ADDRESS,
    /** A date of birth (needs context). */
    DATE_OF_BIRTH,
    /** Bank account number (needs context). */
    BANK_ACCOUNT,
    /** Medical record number, Indonesian "nomor rekam medis" (needs context). */
    MRN,
    /** API keys, access tokens, private keys and passwords. */
    SECRET,
    /** A person's name (titles, labels and role words around it, a name gazetteer). */
    PERSON,
    /** A postal address: street, house number, RT/RW, village, district, city, postal code. */
    ADDRESS;

    /**
     * This type's bit in a bit set of entity types.
     *
     * @return {@code 1 << ordinal()}
     */
    @SuppressWarnings("EnumOrdinal") // a bit set in an int: the scanner tests types with one mask per character
    public int bit() {
        return 1 << ordinal();
    }
}
