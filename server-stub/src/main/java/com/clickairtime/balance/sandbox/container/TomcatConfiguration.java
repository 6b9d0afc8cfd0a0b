package com.clickairtime.balance.sandbox.container;

import org.apache.catalina.Host;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ProtocolHandler;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import com.clickairtime.balance.sandbox.config.SandboxProperties;
import com.clickairtime.balance.sandbox.wire.NonBlockingWrites;
import jakarta.servlet.DispatcherType;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** Container-level settings, so that what Tomcat itself answers follows the API's rules too. */
@Configuration(proxyBeanMethods = false)
public class TomcatConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final JsonErrorReportValve errorReport;
    private final BodyRefusalValve bodyRefusal;
    private final Duration requestDeadline;

    public TomcatConfiguration(JsonErrorReportValve errorReport, BodyRefusalValve bodyRefusal, SandboxProperties properties) {
        this.errorReport = errorReport;
        this.bodyRefusal = bodyRefusal;
        this.requestDeadline = properties.requestDeadline();
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.setProtocol(DeadlineProtocol.class.getName());
        factory.addConnectorCustomizers(connector -> {
            AtomicReference<RequestDeadline> deadline = new AtomicReference<>();
            connector.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_START_EVENT.equals(event.getType())
                        && connector.getProtocolHandler() instanceof DeadlineProtocol protocol) {
                    deadline.set(new RequestDeadline(protocol.endpoint(), requestDeadline));
                } else if (Lifecycle.BEFORE_STOP_EVENT.equals(event.getType()) && deadline.get() != null) {
                    deadline.getAndSet(null).stop();
                }
            });
            // %2F inside a wallet id reaches the application as part of one path segment, and is
            // answered like any unknown id, instead of Tomcat's bare 400.
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            // TRACE goes on to the access filter, which refuses it with the API's Allow list
            // (Tomcat's own 405 lists every method of the servlet, POST included).
            connector.setAllowTrace(true);
            // "100 Continue" only once something reads the body, which nothing does: a request
            // that expects it gets its final answer (a 405, say) at once and sends no body.
            connector.setProperty("continueResponseTiming", "onRead");
            connector.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())) {
                    ProtocolHandler protocol = connector.getProtocolHandler();
                    protocol.setAdapter(new AsteriskOptionsAdapter(protocol.getAdapter()));
                }
            });
        });
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
            host.getPipeline().addValve(errorReport);
            // First in the context's pipeline: before any filter, and before anything reads a body.
            context.getPipeline().addValve(bodyRefusal);
            // Ahead of every filter the application adds at start-up, so that every answer they write leaves without
            // blocking a worker; added here, not as a bean, so that MockMvc, which has no socket, does without it.
            FilterDef nonBlocking = new FilterDef();
            nonBlocking.setFilterName(NonBlockingWrites.class.getSimpleName());
            nonBlocking.setFilterClass(NonBlockingWrites.class.getName());
            nonBlocking.setFilter(new NonBlockingWrites());
            nonBlocking.setAsyncSupported("true");
            context.addFilterDef(nonBlocking);
            FilterMap everyRequest = new FilterMap();
            everyRequest.setFilterName(nonBlocking.getFilterName());
            everyRequest.addURLPattern("/*");
            everyRequest.setDispatcher(DispatcherType.REQUEST.name());
            context.addFilterMapBefore(everyRequest);
        });
    }

    /** After Spring Boot's own customizer, which adds an HTML error valve of its own. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
