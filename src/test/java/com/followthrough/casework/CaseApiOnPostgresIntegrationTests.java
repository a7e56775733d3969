package com.followthrough.casework;

import com.followthrough.OnPostgres;

/**
 * Every case endpoint on PostgreSQL: the list's search runs there as a derived table over trigram indexes, and the
 * filters, paging and sorting around it must answer as they do on H2.
 */
@OnPostgres
class CaseApiOnPostgresIntegrationTests extends CaseApiIntegrationTests {
}
