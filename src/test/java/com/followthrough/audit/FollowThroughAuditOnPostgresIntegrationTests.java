package com.followthrough.audit;

import com.followthrough.OnPostgres;

/** The auditor's tests again, on PostgreSQL (the engine's lower-case tables, its own snapshot rules). */
@OnPostgres
class FollowThroughAuditOnPostgresIntegrationTests extends FollowThroughAuditIntegrationTests {
}
