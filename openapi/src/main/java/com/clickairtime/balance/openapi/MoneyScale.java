package com.clickairtime.balance.openapi;

import java.util.Currency;

/**
 * The spec's rule for money on the wire: an amount is written with its currency's ISO 4217 minor
 * units (USD 2, JPY 0, KWD 3). One reading of it for the sides that write money (the support
 * library) and check it (the verifier).
 */
public final class MoneyScale {

    private MoneyScale() {
    }

    /** The currency's minor units, or null where it is no ISO 4217 code or has none (XAU). */
    public static Integer minorUnits(String currency) {
        if (currency == null) {
            return null;
        }
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? null : digits;
        } catch (IllegalArgumentException notIso) {
            return null;
        }
    }
}
