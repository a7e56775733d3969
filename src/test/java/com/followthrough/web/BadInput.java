package com.followthrough.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * A request a client can get wrong and the problem it must get back: status, problem type and the fields named. Used
 * by the full-application {@link BadInputIntegrationTests} and by the web slices' input tests alike.
 */
public record BadInput(String name, String user, String method, String path, String contentType, Object body,
        Map<String, String> headers, int status, String type, List<String> fields) {

    private static final String JSON = "application/json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String toString() {
        return name;
    }

    public static BadInput bad(String name, String user, String method, String path, Object body, int status,
            String type, String... fields) {
        return new BadInput(name, user, method, path, body == null ? null : JSON, body, Map.of(), status, type,
                List.of(fields));
    }

    public static BadInput bad(String name, String user, String method, String path, String contentType,
            Object body, int status, String type, String... fields) {
        return new BadInput(name, user, method, path, contentType, body, Map.of(), status, type, List.of(fields));
    }

    public static BadInput bad(String name, String user, String method, String path, Object body,
            Map<String, String> headers, int status, String type, String... fields) {
        return new BadInput(name, user, method, path, JSON, body, headers, status, type, List.of(fields));
    }

    /** A one-field body that names its field twice: {@code {"body":"a","body":"b"}}. */
    public static BadInput twice(String name, String user, String method, String path, String field) {
        return bad(name, user, method, path, "{\"" + field + "\":\"a\",\"" + field + "\":\"b\"}", 400,
                "malformed-request", field);
    }

    /** Carla's intake ({@link Fixtures#intake}) with one field changed. */
    public static Map<String, Object> intake(String field, Object value) {
        Map<String, Object> body = Fixtures.intake("Carla Customer", "Charged twice");
        body.put(field, value);
        return body;
    }

    /** Carla's intake with fields of the customer changed: name, value, name, value... */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> intakeWithCustomer(Object... fieldsAndValues) {
        Map<String, Object> body = Fixtures.intake("Carla Customer", "Charged twice");
        Map<String, Object> customer = new LinkedHashMap<>((Map<String, Object>) body.get("customer"));
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            customer.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        body.put("customer", customer);
        return body;
    }

    /** The body as sent: bytes as they are, text as UTF-8, anything else as JSON. */
    public byte[] bytes() {
        if (body instanceof byte[] raw) {
            return raw;
        }
        String text = body instanceof String string ? string : Api.text(body);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The answer is this input's problem (status, type, title, detail, exactly its fields) in the caller's words. */
    public void assertAnswered(int actualStatus, String actualContentType, String actualBody) {
        assertThat(actualStatus).as(actualBody).isEqualTo(status);
        assertThat(actualContentType).startsWith("application/problem+json");
        assertThat(actualBody).as("in the caller's words, no Java class or BPMN id")
                .doesNotContain("com.followthrough").doesNotContain("java.").doesNotContain("Task_")
                .doesNotContainPattern("[A-Za-z]\\$[A-Z]");
        JsonNode problem;
        try {
            problem = MAPPER.readTree(actualBody);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not JSON (" + actualStatus + "): " + actualBody, e);
        }
        assertThat(problem.get("type").asText()).isEqualTo("urn:followthrough:problem:" + type);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asText()).isNotBlank();
        List<String> named = problem.has("errors") ? StreamSupport.stream(problem.get("errors").spliterator(), false)
                .map(error -> error.get("field").asText()).toList() : List.of();
        assertThat(named).containsExactlyInAnyOrderElementsOf(fields);
        if (problem.has("errors")) {
            problem.get("errors").forEach(error -> assertThat(error.get("message").asText()).isNotBlank());
        }
    }
}
