/** Web: what every endpoint shares — RFC 9457 problem details for every error, the request body cap, OpenAPI. */
package com.followthrough.web;
