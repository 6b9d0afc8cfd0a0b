package com.clickairtime.balance.openapi.changes;

/**
 * Which way a change moves what a schema, a pattern or a rule accepts; combined with the side
 * of the exchange it sits on, it says whom the change breaks.
 */
enum Effect {
    /** Accepts everything it accepted, and more. */
    WIDER,
    /** Accepts only part of what it accepted. */
    NARROWER,
    /** Accepts some new things and refuses some old ones. */
    DIFFERENT,
    /** Accepts exactly the same, written otherwise. */
    SAME;

    /**
     * The levels of a change on one side. A response is written by implementers and read by
     * clients: more values break clients (who may not handle them), fewer break implementers (who
     * may still produce the others). A request is the reverse.
     */
    ApiChange change(Side side, String kind, String location, String message) {
        Level wider = Level.BREAKING;
        return switch (this) {
            case SAME -> ApiChange.both(Level.COMPATIBLE, kind, location, message);
            case DIFFERENT -> ApiChange.both(Level.BREAKING, kind, location, message);
            case WIDER -> side == Side.RESPONSE
                    ? new ApiChange(wider, Level.COMPATIBLE, kind, location, message)
                    : new ApiChange(Level.COMPATIBLE, wider, kind, location, message);
            case NARROWER -> side == Side.RESPONSE
                    ? new ApiChange(Level.COMPATIBLE, Level.BREAKING, kind, location, message)
                    : new ApiChange(Level.BREAKING, Level.COMPATIBLE, kind, location, message);
        };
    }

    /** The side of the exchange a schema describes. */
    enum Side {
        /** Sent by clients, received by implementers: parameters, request bodies, credentials. */
        REQUEST,
        /** Sent by implementers, received by clients: response bodies and headers. */
        RESPONSE
    }
}
