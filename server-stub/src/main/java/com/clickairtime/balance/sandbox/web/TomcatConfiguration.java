package com.clickairtime.balance.sandbox.web;

import com.clickairtime.balance.sandbox.error.ErrorResponses;
import com.clickairtime.balance.sandbox.error.JsonErrorReportValve;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Container-level settings, so that what Tomcat itself rejects is answered in JSON too. */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ErrorResponses errors;

    public TomcatConfiguration(ErrorResponses errors) {
        this.errors = errors;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // %2F inside a wallet id reaches the application as part of one path segment, and is
        // answered like any unknown id, instead of Tomcat's bare 400.
        factory.addConnectorCustomizers(connector ->
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof StandardHost standardHost) {
                // Otherwise the host adds Tomcat's HTML valve again when it starts.
                standardHost.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
            host.getPipeline().addValve(new JsonErrorReportValve(errors));
        });
    }

    /** After Spring Boot's own customizer, which adds an HTML error valve of its own. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
