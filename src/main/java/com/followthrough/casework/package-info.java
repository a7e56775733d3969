/** The JSON API of cases: intake, reading, lists and the lifecycle actions, with who may do what. */
package com.followthrough.casework;
