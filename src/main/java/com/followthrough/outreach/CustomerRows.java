package com.followthrough.outreach;

import com.followthrough.cases.ContactChannel;
import com.followthrough.cases.Customer;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Reads the affected customers of an upload (CSV, or the API's JSON rows) and validates each row on its own: a good row
 * is kept, a bad one is listed with its reason and left out, and a row for a customer already attached (or twice in the
 * upload) is refused as a duplicate. Only a file that cannot be read at all (not UTF-8, not CSV, no header with the
 * required columns, too many rows) is refused as a whole.
 *
 * <p>CSV: a header line, then one customer per line. Columns {@code name} (required), {@code email}, {@code phone}
 * (one of them required), {@code preferred_channel} (PHONE, EMAIL or SMS; default EMAIL when there is an e-mail
 * address, else PHONE), {@code time_zone} (such as Europe/London); every other column is kept with the case as it is
 * (an order number). A cell that starts with {@code = + - @} (or a tab or carriage return), other than a phone
 * number, is refused: a spreadsheet would run it as a formula.
 */
@Component
class CustomerRows {

    static final List<String> KNOWN = List.of("name", "email", "phone", "preferred_channel", "time_zone");

    private final Validator validator;
    private final OutreachProperties properties;

    CustomerRows(Validator validator, OutreachProperties properties) {
        this.validator = validator;
        this.properties = properties;
    }

    /** A row left out, with why (and the line as given, for the download). */
    record Rejected(int row, String field, String reason, String line) {
    }

    record Read(List<CustomerRow> accepted, List<Rejected> rejected) {
    }

    /** One row as the API's JSON gives it (the CSV's columns, by the same names in camelCase). */
    record Given(String name, String email, String phone, String preferredChannel, String timeZone,
            Map<String, String> columns) {
    }

    Read csv(byte[] bytes, Set<String> attached) {
        if (bytes.length > properties.maxUploadSize().toBytes()) {
            throw OutreachException.tooLarge("The file is " + bytes.length + " bytes; an upload is limited to "
                    + properties.maxUploadSize().toBytes() + " bytes")
                    .words("outreach.error.tooManyBytes", properties.maxUploadSize().toBytes());
        }
        String text = utf8(bytes);
        List<Given> rows = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(new StringReader(text))) {
            Map<String, Integer> header = new LinkedHashMap<>();
            parser.getHeaderMap().forEach((column, index) -> header.put(column.strip().toLowerCase(Locale.ROOT), index));
            if (!header.containsKey("name") || !(header.containsKey("email") || header.containsKey("phone"))) {
                throw OutreachException.invalid("file", "the header line needs the columns name and email or phone"
                        + " (found: " + String.join(", ", header.keySet()) + ")")
                        .words("outreach.error.header", String.join(", ", header.keySet()));
            }
            for (CSVRecord record : parser) {
                if (rows.size() >= properties.maxCustomers()) {
                    throw OutreachException.tooLarge("An upload is limited to " + properties.maxCustomers()
                            + " customers").words("outreach.error.tooManyCustomers", properties.maxCustomers());
                }
                Map<String, String> columns = new LinkedHashMap<>();
                header.forEach((column, index) -> {
                    if (!KNOWN.contains(column) && index < record.size()) {
                        columns.put(column, record.get(index));
                    }
                });
                rows.add(new Given(cell(record, header, "name"), cell(record, header, "email"),
                        cell(record, header, "phone"), cell(record, header, "preferred_channel"),
                        cell(record, header, "time_zone"), columns));
                lines.add(String.join(",", record.toList()));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof OutreachException problem) {
                throw problem;
            }
            throw OutreachException.invalid("file", "not a readable CSV file: " + e.getMessage())
                    .words("outreach.error.unreadable", e.getMessage());
        }
        return validate(rows, lines, attached);
    }

    Read json(List<Given> rows, Set<String> attached) {
        if (rows.size() > properties.maxCustomers()) {
            throw OutreachException.tooLarge("An upload is limited to " + properties.maxCustomers() + " customers")
                    .words("outreach.error.tooManyCustomers", properties.maxCustomers());
        }
        return validate(rows, rows.stream().map(Given::toString).toList(), attached);
    }

    private Read validate(List<Given> rows, List<String> lines, Set<String> attached) {
        Set<String> seen = new HashSet<>(attached);
        List<CustomerRow> accepted = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int number = i + 1;
            Given given = rows.get(i);
            String line = truncate(lines.get(i), 4_000);
            String problem = problem(given);
            if (problem != null) {
                rejected.add(new Rejected(number, problem.substring(0, problem.indexOf(':')),
                        problem.substring(problem.indexOf(':') + 2), line));
                continue;
            }
            CustomerRow row = toRow(number, given);
            if (!seen.add(row.key())) {
                rejected.add(new Rejected(number, row.email() != null ? "email" : "phone",
                        "this customer is already in this outreach", line));
                continue;
            }
            accepted.add(row);
        }
        rejected.sort(Comparator.comparingInt(Rejected::row));
        return new Read(accepted, rejected);
    }

    /** "field: reason" of the row's first problem, or null. */
    private String problem(Given given) {
        for (Map.Entry<String, String> cell : cells(given).entrySet()) {
            String value = cell.getValue();
            if (value != null && !value.isEmpty() && !cell.getKey().equals("phone")
                    && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                return cell.getKey() + ": starts with " + describe(value.charAt(0))
                        + ", which a spreadsheet would run as a formula";
            }
        }
        if (given.preferredChannel() != null && !given.preferredChannel().isBlank()
                && channel(given.preferredChannel()) == null) {
            return "preferred_channel: must be PHONE, EMAIL or SMS";
        }
        if (blank(given.email()) && blank(given.phone())) {
            return "email: an e-mail address or a phone number is required";
        }
        Customer customer = customer(given);
        Set<ConstraintViolation<Customer>> violations = validator.validate(customer);
        return violations.stream().map(v -> column(v.getPropertyPath().toString()) + ": " + v.getMessage()).sorted()
                .findFirst().orElse(null);
    }

    private static Map<String, String> cells(Given given) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("name", given.name());
        cells.put("email", given.email());
        cells.put("phone", given.phone());
        cells.put("time_zone", given.timeZone());
        if (given.columns() != null) {
            cells.putAll(given.columns());
        }
        return cells;
    }

    private CustomerRow toRow(int number, Given given) {
        Customer customer = customer(given);
        String key = customer.email() != null ? "email:" + customer.email().toLowerCase(Locale.ROOT)
                : "phone:" + customer.phone().replaceAll("[^0-9]", "");
        return new CustomerRow(number, key, customer.name(), customer.email(), customer.phone(),
                customer.preferredChannel(), customer.timeZone(),
                given.columns() == null ? Map.of() : new LinkedHashMap<>(given.columns()));
    }

    private static Customer customer(Given given) {
        String email = blank(given.email()) ? null : given.email().strip();
        String phone = blank(given.phone()) ? null : given.phone().strip();
        ContactChannel channel = blank(given.preferredChannel()) ? (email != null ? ContactChannel.EMAIL
                : ContactChannel.PHONE) : channel(given.preferredChannel());
        return new Customer(given.name() == null ? null : given.name().strip(), email, phone, channel,
                blank(given.timeZone()) ? null : given.timeZone().strip());
    }

    private static ContactChannel channel(String value) {
        try {
            return ContactChannel.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String column(String property) {
        return switch (property) {
            case "preferredChannel", "preferredChannelReachable" -> "preferred_channel";
            case "timeZone" -> "time_zone";
            default -> property;
        };
    }

    private static String cell(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }

    private static String utf8(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw OutreachException.invalid("file", "the file is not UTF-8 text (save it as \"CSV UTF-8\")")
                    .words("outreach.error.notUtf8");
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case '\t' -> "a tab";
            case '\r' -> "a carriage return";
            default -> "\"" + c + "\"";
        };
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
