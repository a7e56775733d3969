package com.followthrough.workflow;

import com.followthrough.OnPostgres;

/** Every path of the process again, on PostgreSQL. */
@OnPostgres
class CustomerCaseProcessOnPostgresIntegrationTests extends CustomerCaseProcessIntegrationTests {
}
