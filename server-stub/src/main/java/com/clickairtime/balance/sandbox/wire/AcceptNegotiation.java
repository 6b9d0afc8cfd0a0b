package com.clickairtime.balance.sandbox.wire;

import com.clickairtime.balance.sandbox.routing.ApiRoutes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API answers {@code application/json}, UTF-8 by definition (RFC 8259), and nothing else:
 * this decides once, by RFC 9110's rules, whether the request's {@code Accept} allows that, and
 * hands Spring an {@code Accept} that says only the answer. So a parameter such as
 * {@code charset=iso-8859-1} neither fails the write (it was a 500), nor changes the encoding,
 * nor is echoed into {@code Content-Type}; and the most specific range that matches decides,
 * so {@code application/json;q=0} is a 406 even next to {@code *}{@code /*}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
public class AcceptNegotiation extends OncePerRequestFilter {

    /** What Spring is told when JSON is not acceptable: a type no handler produces, hence its 406. */
    static final String NOTHING_PRODUCIBLE = "application/x-not-acceptable";

    /** A charset parameter of one media range, its value quoted or not. */
    private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*(\"[^\"]*\"|[^;]*)", Pattern.CASE_INSENSITIVE);

    private final ApiRoutes routes;

    public AcceptNegotiation(ApiRoutes routes) {
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> headers = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        boolean api = routes.inApi(request);
        // Outside the API only a charset needs taking out; most requests carry none, and pass untouched.
        if (headers.isEmpty() || !api && headers.stream().noneMatch(CHARSET.asPredicate())) {
            chain.doFilter(request, response);
            return;
        }
        // Every answer has the encoding it has (UTF-8), so a charset asked for never decides
        // anything: not even a name the JVM does not know, which Spring's parser refuses.
        List<String> ranges = headers.stream().flatMap(header -> MimeTypeUtils.tokenize(header).stream())
                .map(range -> CHARSET.matcher(range).replaceAll("")).toList();
        if (!api) {
            chain.doFilter(new DecidedAccept(request, String.join(", ", ranges)), response);
            return;
        }
        String decided;
        try {
            decided = acceptsJson(MediaType.parseMediaTypes(ranges)) ? MediaType.APPLICATION_JSON_VALUE : NOTHING_PRODUCIBLE;
        } catch (InvalidMediaTypeException unparseable) {
            decided = NOTHING_PRODUCIBLE;
        }
        chain.doFilter(new DecidedAccept(request, decided), response);
    }

    /** Whether the most specific range that includes application/json gives it a quality above 0. */
    static boolean acceptsJson(List<MediaType> ranges) {
        return ranges.stream().filter(range -> range.includes(MediaType.APPLICATION_JSON))
                .max(Comparator.comparingInt(AcceptNegotiation::specificity))
                .map(range -> range.getQualityValue() > 0).orElse(false);
    }

    private static int specificity(MediaType range) {
        return range.isWildcardType() ? 0 : range.isWildcardSubtype() ? 1 : 2;
    }

    private static final class DecidedAccept extends HttpServletRequestWrapper {

        private final String accept;

        DecidedAccept(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.enumeration(List.of(accept)) : super.getHeaders(name);
        }
    }
}
