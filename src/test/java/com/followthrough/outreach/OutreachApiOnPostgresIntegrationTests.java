package com.followthrough.outreach;

import com.followthrough.OnPostgres;

/**
 * The outreach story over HTTP and its bad input on PostgreSQL: the launch's batches, the capacity's counting update,
 * the figures' sums and the answer links' key and once-per-outcome answers must behave there as on H2.
 */
@OnPostgres
class OutreachApiOnPostgresIntegrationTests extends OutreachApiIntegrationTests {
}
