/**
 * The deployment's nodes: this JVM's name and run ({@link com.followthrough.cluster.Node}), the heartbeat that tells
 * the other nodes it lives, and the {@code nodes} health component that shows operators which nodes live. Other
 * modules record the node's name where an operator asks "which node did this" (the timeline, the mail outbox) and take
 * over the claims of a run whose heartbeat stopped.
 */
package com.followthrough.cluster;
