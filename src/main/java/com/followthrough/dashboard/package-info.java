/**
 * The supervisor dashboard: where every case stands, what is late and how the team follows through, as a page, as
 * JSON ({@code /api/dashboard/**}), as CSV and as Micrometer meters; read from our own tables and the
 * {@code ft_dashboard_closed} read model, never from process variables.
 */
package com.followthrough.dashboard;
