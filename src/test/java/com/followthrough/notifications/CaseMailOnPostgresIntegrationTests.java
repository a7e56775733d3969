package com.followthrough.notifications;

import com.followthrough.OnPostgres;

/** Who gets which mail, written in the step's own transaction, on PostgreSQL. */
@OnPostgres
class CaseMailOnPostgresIntegrationTests extends CaseMailIntegrationTests {
}
