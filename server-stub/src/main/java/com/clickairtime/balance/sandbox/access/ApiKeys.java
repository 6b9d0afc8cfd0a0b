package com.clickairtime.balance.sandbox.access;

import com.clickairtime.balance.openapi.BalanceSpec;
import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCatalog;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.dataset.Dataset;
import org.springframework.stereotype.Component;

import com.clickairtime.balance.sandbox.net.IpRange;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The demo keys of the dataset, and the authentication of an {@code Authorization} header. */
@Component
public class ApiKeys {

    private static final ErrorCode EXPIRED_API_KEY = ErrorCode.of("EXPIRED_API_KEY");
    private static final ErrorCode INVALID_API_KEY = ErrorCode.of("INVALID_API_KEY");
    private static final ErrorCode REVOKED_API_KEY = ErrorCode.of("REVOKED_API_KEY");

    private final Pattern bearer;
    private final Map<String, Dataset.ApiKeyEntry> byKey;
    private final Map<String, List<IpRange>> allowLists;

    public ApiKeys(Dataset dataset, BalanceSpec spec, ErrorCatalog errors) {
        errors.require(INVALID_API_KEY, REVOKED_API_KEY, EXPIRED_API_KEY);
        // The auth-scheme is case-insensitive (RFC 9110, section 11.1); the key itself is not.
        this.bearer = Pattern.compile("(?i:bearer) +(" + spec.apiKeyRegex() + ")");
        this.byKey = dataset.apiKeys().stream()
                .collect(Collectors.toUnmodifiableMap(Dataset.ApiKeyEntry::key, Function.identity()));
        // The dataset has checked that each entry is an address or CIDR range.
        this.allowLists = dataset.apiKeys().stream().collect(Collectors.toUnmodifiableMap(Dataset.ApiKeyEntry::key,
                key -> key.allowedIps() == null ? List.of()
                        : key.allowedIps().stream().map(IpRange::parse).flatMap(Optional::stream).toList()));
    }

    /** Whether the key may be used from this address: it has no allow-list, or an entry of it contains the address. */
    public boolean allows(Dataset.ApiKeyEntry key, InetAddress caller) {
        List<IpRange> ranges = allowLists.getOrDefault(key.key(), List.of());
        return ranges.isEmpty() || ranges.stream().anyMatch(range -> range.contains(caller));
    }

    /**
     * The key that the request's {@code Authorization} headers name, if it is usable now.
     * More than one header is ambiguous, whichever of them is good: the request is refused
     * rather than a guess made about which one the caller meant.
     *
     * @param authorizations every {@code Authorization} header of the request, in order
     * @throws ApiException 401 with INVALID_API_KEY, EXPIRED_API_KEY or REVOKED_API_KEY; never echoing the key
     */
    public Dataset.ApiKeyEntry authenticate(List<String> authorizations, Instant now) {
        if (authorizations.size() != 1) {
            throw new ApiException(INVALID_API_KEY);
        }
        Matcher credentials = bearer.matcher(authorizations.get(0).strip());
        Dataset.ApiKeyEntry key = credentials.matches() ? byKey.get(credentials.group(1)) : null;
        if (key == null) {
            throw new ApiException(INVALID_API_KEY);
        }
        if (key.revoked()) {
            throw new ApiException(REVOKED_API_KEY);
        }
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) {
            throw new ApiException(EXPIRED_API_KEY);
        }
        return key;
    }

    public List<Dataset.ApiKeyEntry> all() {
        return List.copyOf(byKey.values());
    }
}
