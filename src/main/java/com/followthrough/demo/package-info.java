/** Demo data (profile {@code demo} only): cases in every stage, so the dashboard shows something after the first start. */
package com.followthrough.demo;
