package com.clickairtime.balance.server.support.wire;

import com.clickairtime.balance.openapi.MoneyScale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The spec's text for its values, one place for both Jacksons: a timestamp in UTC to the
 * millisecond, and money at its currency's ISO 4217 scale.
 */
public final class WireValues {

    /** Always three fractional digits and Z: Jackson's ISO default would print 10:30:00Z for a whole second. */
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");

    private WireValues() {
    }

    public static String timestamp(OffsetDateTime value) {
        return TIMESTAMP.format(value.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * An amount in this currency as its digits go on the wire: at the currency's minor units (USD
     * 2, JPY 0, KWD 3), rounded half-even when the amount has more (a converted total); as
     * written, never in exponent form, when the currency is no ISO 4217 code or has no minor unit.
     */
    public static String money(BigDecimal amount, String currency) {
        Integer digits = MoneyScale.minorUnits(currency);
        return (digits == null ? amount : amount.setScale(digits, RoundingMode.HALF_EVEN)).toPlainString();
    }

    /** A decimal that is no amount of a currency: as written, never in exponent form (1.2505E+3). */
    public static String decimal(BigDecimal value) {
        return value.toPlainString();
    }
}
