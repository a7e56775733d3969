package com.followthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The application modules, as Spring Modulith sees them (one per package under {@code com.followthrough}, each with its
 * {@code package-info}), and their documentation in {@code docs/modules}.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(FollowthroughApplication.class);

    private static final Path DOCS = Path.of("docs", "modules");
    private static final Path GENERATED = Path.of("target", "modules-docs");
    private static final String DIAGRAM = "components";
    /** Lines the Documenter writes in no fixed order: list items, relations, components. */
    private static final Pattern UNORDERED = Pattern.compile("^(\\|?\\* |Rel\\(|\\s*Component\\()");

    /** No cycle between modules, no use of another module's internal types, nothing a package-info does not allow. */
    @Test
    void modulesDependOnlyDownwardsAndOnWhatTheyAllow() {
        MODULES.verify();
    }

    /**
     * The committed documentation (the component diagram, one diagram and one canvas per module) is the one the modules
     * give now. When it is not, this test rewrites {@code docs/modules} (and renders the diagram to SVG) and fails
     * once, so that a change to the modules is committed together with its documentation.
     */
    @Test
    void committedDocumentationMatchesTheModules() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();
        Map<String, String> generated = sources(GENERATED);
        assertThat(generated).containsKeys(DIAGRAM + ".puml", "all-docs.adoc");
        MODULES.forEach(module -> assertThat(generated)
                .containsKeys("module-" + module.getIdentifier() + ".puml", "module-" + module.getIdentifier() + ".adoc"));

        Map<String, String> committed = Files.isDirectory(DOCS) ? sources(DOCS) : Map.of();
        boolean diagramRendered = Files.exists(DOCS.resolve(DIAGRAM + ".svg"));
        if (generated.equals(committed) && diagramRendered) {
            return;
        }
        TreeSet<String> stale = new TreeSet<>(generated.keySet());
        stale.addAll(committed.keySet());
        stale.removeIf(name -> generated.get(name) != null && generated.get(name).equals(committed.get(name)));
        rewrite(generated, committed);
        fail("docs/modules did not describe the modules (" + (stale.isEmpty() ? DIAGRAM + ".svg missing" : stale)
                + "); it has been rewritten now: commit docs/modules");
    }

    /**
     * The Documenter's text output (PlantUML and AsciiDoc) by file name, in a stable order: it lists relations, beans
     * and events in an order that changes from run to run, so runs of such lines are sorted (a list's first item
     * carries the table cell's {@code |}).
     */
    private static Map<String, String> sources(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(folder)) {
            listed.filter(file -> file.toString().endsWith(".puml") || file.toString().endsWith(".adoc"))
                    .forEach(file -> files.put(file.getFileName().toString(), stable(read(file))));
        }
        return files;
    }

    private static String stable(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int start = 0; start < lines.size(); start++) {
            Matcher first = UNORDERED.matcher(lines.get(start));
            if (!first.find()) {
                continue;
            }
            String kind = first.group(1).replace("|", "");
            int end = start + 1;
            while (end < lines.size() && lines.get(end).startsWith(kind)) {
                end++;
            }
            boolean cell = lines.get(start).startsWith("|");
            List<String> run = new ArrayList<>(lines.subList(start, end).stream()
                    .map(line -> cell && line.startsWith("|") ? line.substring(1) : line).sorted().toList());
            if (cell) {
                run.set(0, "|" + run.get(0));
            }
            for (int i = 0; i < run.size(); i++) {
                lines.set(start + i, run.get(i));
            }
            start = end - 1;
        }
        return String.join("\n", lines) + "\n";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rewrite(Map<String, String> generated, Map<String, String> committed) throws IOException {
        Files.createDirectories(DOCS);
        for (String gone : committed.keySet()) {
            if (!generated.containsKey(gone)) {
                Files.delete(DOCS.resolve(gone));
            }
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Files.writeString(DOCS.resolve(file.getKey()), file.getValue());
        }
        // PlantUML's own layout engine (smetana), so no Graphviz is needed; the .puml stays as Spring Modulith wrote
        // it.
        String diagram = generated.get(DIAGRAM + ".puml").replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
        try (OutputStream svg = Files.newOutputStream(DOCS.resolve(DIAGRAM + ".svg"))) {
            new SourceStringReader(diagram).outputImage(svg, new FileFormatOption(FileFormat.SVG));
        }
    }
}
