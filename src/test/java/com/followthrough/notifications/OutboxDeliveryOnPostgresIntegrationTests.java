package com.followthrough.notifications;

import com.followthrough.OnPostgres;

/**
 * Delivery on PostgreSQL: SMTP outage and backoff, rollback sends nothing, concurrent senders claim disjoint rows
 * with {@code FOR UPDATE SKIP LOCKED} (which H2 emulates), a dead sender's claim expires.
 */
@OnPostgres
class OutboxDeliveryOnPostgresIntegrationTests extends OutboxDeliveryIntegrationTests {
}
