package com.clickairtime.balance.sandbox.container;

import org.apache.coyote.Adapter;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.UpgradeProtocol;
import org.apache.coyote.http11.upgrade.InternalHttpUpgradeHandler;
import org.apache.tomcat.util.net.SocketWrapperBase;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/2 with prior knowledge starts a connection with its preface, {@code PRI * HTTP/2.0} and
 * an empty head. Read as HTTP/1.1, that is a request for version 2.0, which the spec answers 505
 * {@code HTTP_VERSION_NOT_SUPPORTED} like any other version; it is what the preface was chosen to
 * get from an HTTP/1.1 server. Tomcat, though, recognises the preface when it arrives in one piece
 * and hands the connection to its h2c protocol, and without one it closed the connection silently.
 * Registered under that protocol's name, this hands the connection back to a fresh HTTP/1.1
 * processor with the preface's request line and empty head in front of what was read, so that
 * the request is answered as the spec says, and closed after the answer. It accepts no
 * {@code Upgrade: h2c}: such a request is served as HTTP/1.1, as before.
 */
final class PriorKnowledgePreface implements UpgradeProtocol {

    /** The preface's first two lines: the request line and the end of its (empty) head. */
    private static final byte[] REQUEST = "PRI * HTTP/2.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** The name Tomcat looks up when it sees the preface. */
    private static final String H2C = "h2c";

    private final DeadlineProtocol protocol;

    PriorKnowledgePreface(DeadlineProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public String getHttpUpgradeName(boolean isSSLEnabled) {
        return isSSLEnabled ? null : H2C;
    }

    @Override
    public byte[] getAlpnIdentifier() {
        return null;
    }

    @Override
    public String getAlpnName() {
        return null;
    }

    /**
     * What was read (the whole preface, and any frames after it) is already back in the
     * connection's buffer; the request line goes in front of it. The fresh processor then reads
     * a complete request whose first bytes are no longer the preface, so it is not recognised a
     * second time; the rest is never read, because a 505 closes the connection.
     */
    @Override
    public Processor getProcessor(SocketWrapperBase<?> socketWrapper, Adapter adapter) {
        socketWrapper.unRead(ByteBuffer.wrap(REQUEST));
        return protocol.http11Processor();
    }

    @Override
    public InternalHttpUpgradeHandler getInternalUpgradeHandler(SocketWrapperBase<?> socketWrapper, Adapter adapter,
                                                                Request request) {
        throw new UnsupportedOperationException("no request is upgraded to HTTP/2");
    }

    @Override
    public boolean accept(Request request) {
        return false;
    }
}
