/**
 * What the application asks of its database beyond SQL: on the embedded default (H2 in a file), that a commit is on
 * disk before the commit returns, so that nothing outside (an SMTP server, a browser, an API client) acts on a commit
 * that a {@code kill -9} could still undo.
 *
 * <p>Offers nothing to call (it listens to every transaction Spring's transaction manager commits) and uses no other
 * module; nothing uses it.
 */
@ApplicationModule(displayName = "Database", allowedDependencies = {})
package com.followthrough.database;

import org.springframework.modulith.ApplicationModule;
