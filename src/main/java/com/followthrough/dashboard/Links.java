package com.followthrough.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links from a figure to the list of cases behind it: {@code /api/dashboard/cases?figure=…}. */
final class Links {

    static final String CASES = "/api/dashboard/cases?figure=";

    private Links() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String cases(String figure, Scope scope, String more) {
        return CASES + figure + (more == null ? "" : more) + scope.query();
    }
}
