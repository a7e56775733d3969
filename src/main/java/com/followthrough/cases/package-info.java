/** Cases: intake, the case record and its history (hand-offs, callbacks, notes, timeline), and the lifecycle service. */
package com.followthrough.cases;
