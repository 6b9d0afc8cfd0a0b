package com.clickairtime.balance.verifier.wire;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * A running server at a base URL (a staging host over HTTPS, or a local port). Every exchange is
 * bounded: the connection by {@link #connectTimeout(Duration)}, the answer by the smaller of
 * {@link #readTimeout(Duration)} and what is left of the run's deadline, so a server that accepts
 * connections and never answers fails the run instead of hanging it.
 */
public final class UrlTarget implements Target {

    /** How long a connection may take unless {@link #connectTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How long an answer may take unless {@link #readTimeout(Duration)} says otherwise. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private volatile HttpClient http;

    private UrlTarget(URI baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** A server at {@code baseUrl} (http or https, no query): 5 s to connect, 10 s for each answer. */
    public static UrlTarget of(String baseUrl) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri = URI.create(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the base URL must be http(s)://host[:port][/path], without user info,"
                    + " query or fragment: " + uri.getScheme() + "://" + uri.getHost());
        }
        return new UrlTarget(uri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT);
    }

    public UrlTarget connectTimeout(Duration timeout) {
        return new UrlTarget(baseUrl, positive(timeout, "connectTimeout"), readTimeout);
    }

    public UrlTarget readTimeout(Duration timeout) {
        return new UrlTarget(baseUrl, connectTimeout, positive(timeout, "readTimeout"));
    }

    @Override
    public WireResponse send(WireRequest request, Duration timeout) throws Exception {
        Duration bound = timeout.compareTo(readTimeout) < 0 ? timeout : readTimeout;
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.target()))
                .method(request.method(), HttpRequest.BodyPublishers.noBody())
                .timeout(bound);
        request.headers().forEach(builder::header);
        HttpResponse<byte[]> response = client().send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new WireResponse(response.statusCode(), response.headers().map(), response.body());
    }

    private HttpClient client() {
        HttpClient client = http;
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            http = client;
        }
        return client;
    }

    @Override
    public String describe() {
        return baseUrl.toString();
    }

    private static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return duration;
    }
}
