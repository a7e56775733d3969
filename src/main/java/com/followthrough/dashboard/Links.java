package com.followthrough.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.stream.Collectors;

/** Links from a figure to the list of cases behind it: {@code /api/dashboard/cases?figure=…}. */
final class Links {

    static final String CASES = "/api/dashboard/cases?figure=";

    private Links() {
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The figure's list in the scope; {@code more} narrows it ({@link #param}), null for nothing. */
    static String cases(Figure figure, Scope scope, String more) {
        return CASES + figure.id() + (more == null ? "" : more) + scope.query();
    }

    /** {@code &name=value}, the value encoded. */
    static String param(String name, String value) {
        return "&" + name + "=" + encode(value);
    }

    /** {@code &name=A,B}: constants by name, comma-separated (names need no encoding). */
    static String param(String name, Collection<? extends Enum<?>> values) {
        return "&" + name + "=" + values.stream().map(Enum::name).collect(Collectors.joining(","));
    }
}
