/** Security: users, teams and roles from the engine's identity service, and the demo accounts. */
package com.followthrough.security;
