package com.clickairtime.balance.openapi.changes;

import com.clickairtime.balance.openapi.BalanceSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The breaking-change gate, run by the {@code openapi} module's build during {@code verify}
 * (with or without tests). Arguments: {@code spec=}, {@code baseline=} (a file or git ref; blank
 * for the default), {@code project-version=}, {@code reports=} (a folder).
 *
 * <p>It writes {@code api-changes.md} and {@code api-changes.json} and fails when a breaking change
 * comes without a new major {@code info.version}.
 */
public final class ApiChangeGate {

    private static final String PREFIX = "[api gate] ";

    private ApiChangeGate() {
    }

    public static void main(String[] args) {
        run(args, System.getenv());
    }

    /** The gate, with the environment that tells it which CI event it runs for. */
    static void run(String[] args, Map<String, String> env) {
        Map<String, String> options = options(args);
        Path spec = Path.of(required(options, "spec"));
        Path reports = Path.of(required(options, "reports"));
        String projectVersion = options.getOrDefault("project-version", "");

        BalanceSpec current = BalanceSpec.read(spec);
        Baseline baseline = Baseline.resolve(options.get("baseline"), spec, env);
        ChangeReport report;
        if (baseline.text().isEmpty()) {
            System.out.println(PREFIX + "no baseline (" + baseline.label() + "): nothing to compare, passes");
            report = new ChangeReport(baseline.label(), null, version(current), projectVersion, List.of());
        } else {
            BalanceSpec before = parseBaseline(baseline);
            report = new ChangeReport(baseline.label(), version(before), version(current), projectVersion,
                    ApiChanges.between(before, current));
        }
        write(reports, report);
        if (baseline.text().isPresent()) {
            System.out.println(PREFIX + "compared with " + report.baseline() + ": " + summary(report)
                    + "; changelog " + reports.resolve("api-changes.md"));
        }
        report.versionWarning().ifPresent(warning -> System.out.println(PREFIX + "warning: " + warning));
        report.failure().ifPresent(why -> {
            throw new GateException(why);
        });
    }

    private static BalanceSpec parseBaseline(Baseline baseline) {
        try {
            return BalanceSpec.parse(baseline.text().orElseThrow());
        } catch (RuntimeException e) {
            throw new GateException("the baseline " + baseline.label() + " is no readable OpenAPI document: " + e.getMessage());
        }
    }

    /** For instance "3 changes; clients: 2 breaking, 0 potentially-breaking; implementers: 2 breaking, 1 potentially-breaking". */
    static String summary(ChangeReport report) {
        StringBuilder text = new StringBuilder().append(report.changes().size()).append(" changes");
        for (Audience audience : Audience.values()) {
            Map<Level, Long> counts = new EnumMap<>(Level.class);
            report.changes().forEach(change -> counts.merge(change.level(audience), 1L, Long::sum));
            text.append("; ").append(audience.label()).append(": ")
                    .append(counts.getOrDefault(Level.BREAKING, 0L)).append(' ').append(Level.BREAKING.label()).append(", ")
                    .append(counts.getOrDefault(Level.POTENTIALLY_BREAKING, 0L)).append(' ').append(Level.POTENTIALLY_BREAKING.label());
        }
        return text.toString();
    }

    private static String version(BalanceSpec spec) {
        return spec.openApi().getInfo() == null ? null : spec.openApi().getInfo().getVersion();
    }

    private static void write(Path folder, ChangeReport report) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("api-changes.md"), report.markdown(), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("api-changes.json"), report.json(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + folder, e);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new GateException("expected name=value, got " + arg);
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new GateException("missing argument " + name + "=");
        }
        return value;
    }
}
