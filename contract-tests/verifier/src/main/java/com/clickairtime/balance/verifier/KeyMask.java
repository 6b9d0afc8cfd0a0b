package com.clickairtime.balance.verifier;

import java.util.Collection;

/** Keeps API keys out of everything the verifier prints: a failure message is read in CI logs. */
final class KeyMask {

    private KeyMask() {
    }

    /** {@code ce_live_…0001}: enough to tell keys apart, too little to use one. */
    static String mask(String key) {
        if (key == null) {
            return null;
        }
        return key.length() <= 12 ? "…" : key.substring(0, Math.min(8, key.length() - 4)) + "…" + key.substring(key.length() - 4);
    }

    /** The text with every given key, and anything of the spec's key format, masked. */
    static String maskIn(String text, Collection<String> keys, String keyRegex) {
        String masked = text;
        for (String key : keys) {
            if (key != null && !key.isEmpty()) {
                masked = masked.replace(key, mask(key));
            }
        }
        return keyRegex == null ? masked
                : java.util.regex.Pattern.compile(keyRegex).matcher(masked).replaceAll(match -> java.util.regex.Matcher.quoteReplacement(mask(match.group())));
    }
}
