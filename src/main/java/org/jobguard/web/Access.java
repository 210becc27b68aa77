package org.jobguard.web;

import io.javalin.security.RouteRole;

/** Every route declares who may use it; the gate in {@link WebServer} refuses anything else. */
public enum Access implements RouteRole {
    /** anyone: try-it, contacts, health, metrics, assets */
    PUBLIC,
    /** the login form itself: no session needed, but a CSRF token is */
    LOGIN,
    /** a logged-in moderator (session cookie) or a script holding the API token */
    MODERATOR,
    /**
     * a machine caller holding a shared secret ({@link InboundPost}): the endpoint checks the secret itself, and
     * sessions and CSRF tokens mean nothing to such a caller
     */
    SHARED_SECRET
}
