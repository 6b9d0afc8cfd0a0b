package com.clickairtime.balance.verifier.wire;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The team's Spring application in-process, through its {@link MockMvc}: no port, its whole MVC
 * configuration and, with {@code @AutoConfigureMockMvc}, its servlet filters.
 */
public final class MockMvcTarget implements Target {

    private final MockMvc mockMvc;

    public MockMvcTarget(MockMvc mockMvc) {
        this.mockMvc = Objects.requireNonNull(mockMvc, "mockMvc");
    }

    @Override
    public WireResponse send(WireRequest request, Duration timeout) throws Exception {
        MockHttpServletRequestBuilder builder = MockMvcRequestBuilders.request(HttpMethod.valueOf(request.method()),
                URI.create(request.target()));
        request.headers().forEach((name, value) -> builder.header(name, value));
        MockHttpServletResponse response = mockMvc.perform(builder).andReturn().getResponse();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            headers.put(name, response.getHeaders(name));
        }
        return new WireResponse(response.getStatus(), headers, response.getContentAsByteArray());
    }

    @Override
    public String describe() {
        return "MockMvc (in-process)";
    }
}
