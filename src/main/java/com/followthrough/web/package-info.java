/**
 * Web: what every endpoint and page shares — who may reach which URL (the filter chains), RFC 9457 problem details
 * for every error, the request body cap, OpenAPI. Depends on the features, never the other way round.
 */
package com.followthrough.web;
