package com.clickairtime.balance.sandbox.container;

import org.apache.coyote.Processor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;

/**
 * Tomcat's NIO protocol, with its endpoint open to {@link RequestDeadline}, which sweeps its
 * connections, and its HTTP/1.1 processors to {@link PriorKnowledgePreface}.
 */
public class DeadlineProtocol extends Http11NioProtocol {

    public DeadlineProtocol() {
        addUpgradeProtocol(new PriorKnowledgePreface(this));
    }

    AbstractEndpoint<?, ?> endpoint() {
        return getEndpoint();
    }

    Processor http11Processor() {
        return createProcessor();
    }
}
