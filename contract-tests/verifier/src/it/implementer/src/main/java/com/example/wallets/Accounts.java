package com.example.wallets;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** This team's own data: two accounts, their wallets, and the API keys it issues. */
@Component
public class Accounts {

    public enum KeyStatus { ACTIVE, EXPIRED, REVOKED }

    record Key(String account, KeyStatus status, Set<String> permissions, String allowedAddress) {
    }

    record StoredWallet(String id, String account, String currency, BigDecimal balance, BigDecimal usdRate,
                        String type, List<String> countries) {
    }

    static final String OURS = "ours";
    static final String THEIRS = "theirs";

    private static final char[] KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Key> keys = new ConcurrentHashMap<>();
    private final List<StoredWallet> wallets = List.of(
            new StoredWallet("w-usd-7", OURS, "USD", new BigDecimal("42.10"), BigDecimal.ONE, "global", List.of("All Countries")),
            new StoredWallet("w-kes-3", OURS, "KES", new BigDecimal("1500.00"), new BigDecimal("0.0077"), "local", List.of("Kenya")),
            new StoredWallet("w-ngn-9", THEIRS, "NGN", new BigDecimal("900.00"), new BigDecimal("0.00065"), "local", List.of("Nigeria")));

    /** A new key of our account (or another's), with these permissions. */
    public String issueKey(String account, KeyStatus status, String allowedAddress, String... permissions) {
        StringBuilder key = new StringBuilder("ce_live_");
        for (int i = 0; i < 32; i++) {
            key.append(KEY_ALPHABET[random.nextInt(KEY_ALPHABET.length)]);
        }
        keys.put(key.toString(), new Key(account, status, Set.of(permissions), allowedAddress));
        return key.toString();
    }

    public String issueKey(KeyStatus status, String... permissions) {
        return issueKey(OURS, status, null, permissions);
    }

    public String usdWalletId() {
        return "w-usd-7";
    }

    public String kesWalletId() {
        return "w-kes-3";
    }

    public String otherAccountWalletId() {
        return "w-ngn-9";
    }

    /** A wallet of some other account: telling it apart from an unknown id would leak that it exists. */
    boolean existsElsewhere(String walletId) {
        return wallets.stream().anyMatch(w -> w.id().equals(walletId));
    }

    Optional<Key> key(String key) {
        return Optional.ofNullable(keys.get(key));
    }

    List<StoredWallet> walletsOf(String account) {
        return wallets.stream().filter(w -> w.account().equals(account)).toList();
    }
}
