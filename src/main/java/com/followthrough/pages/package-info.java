/**
 * The pages people work in, behind the form login: My work (tasks, team queue, the cases I follow), intake, the case
 * page with the actions allowed now, search and the login page. They call the same services and access rules as the
 * JSON API ({@code cases}, {@code cases.api.CaseAccess}, {@code tasks}).
 */
package com.followthrough.pages;
