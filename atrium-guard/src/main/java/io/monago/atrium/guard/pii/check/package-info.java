/**
 * Structure and checksums of identifiers: Luhn, IBAN mod 97, NIK layout, calendar dates, card
 * issuer ranges, country calling codes, secret strength. Pure functions over digits.
 */
package io.monago.atrium.guard.pii.check;
