package com.clickairtime.balance.sandbox.container;

import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.AbstractEndpoint;

/** Tomcat's NIO protocol, with its endpoint open to {@link RequestDeadline}, which sweeps its connections. */
public class DeadlineProtocol extends Http11NioProtocol {

    AbstractEndpoint<?, ?> endpoint() {
        return getEndpoint();
    }
}
