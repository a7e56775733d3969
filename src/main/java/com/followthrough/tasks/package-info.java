/** Tasks: people's task lists (their own and their teams'), claiming and unclaiming; the engine side is in workflow. */
package com.followthrough.tasks;
