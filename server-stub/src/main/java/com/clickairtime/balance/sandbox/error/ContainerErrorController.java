package com.clickairtime.balance.sandbox.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * Replaces Spring Boot's whitelabel {@code /error} page: an error the servlet container
 * forwards here (a filter's failure, a {@code sendError}) also gets the envelope.
 */
@RestController
public class ContainerErrorController implements ErrorController {

    private final ErrorResponses errors;

    public ContainerErrorController(ErrorResponses errors) {
        this.errors = errors;
    }

    @RequestMapping("${server.error.path:/error}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is a path like any other, and there is nothing there.
        int code = status instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
        errors.write(request, response, ErrorCode.forStatus(code < 400 ? 500 : code));
    }
}
