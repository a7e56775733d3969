/**
 * The deployment's nodes: this JVM's name and run ({@link com.followthrough.cluster.Node}), the heartbeat that tells
 * the other nodes it lives, and the {@code nodes} health component that shows operators which nodes live. Other
 * modules record the node's name where an operator asks "which node did this" (the timeline, the mail outbox) and take
 * over the claims of a run whose heartbeat stopped.
 *
 * <p>Offers {@link com.followthrough.cluster.Node} and {@link com.followthrough.cluster.ClusterProperties}; used by
 * cases (the timeline's node), notifications (the outbox's claims) and workflow (the job executor's locks). Uses no
 * other module: it sits at the bottom with policy, so every module may ask which node it runs on.
 */
@ApplicationModule(displayName = "Cluster", allowedDependencies = {})
package com.followthrough.cluster;

import org.springframework.modulith.ApplicationModule;
