package com.clickairtime.balance.openapi.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gate's verdict on a set of changes, and the two reports: a changelog for people and JSON
 * for machines.
 *
 * @param baseline        what the spec was compared with (a git ref and commit, or a file)
 * @param baselineVersion the baseline's {@code info.version}
 * @param version         the current {@code info.version}
 * @param projectVersion  the Maven project version, shown next to {@code info.version}
 * @param changes         worst first
 */
public record ChangeReport(String baseline, String baselineVersion, String version, String projectVersion,
                           List<ApiChange> changes) {

    private static final Pattern MAJOR = Pattern.compile("^v?(\\d+)(?:\\.|$|-)");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public ChangeReport {
        changes = List.copyOf(changes);
    }

    public List<ApiChange> breaking() {
        return changes.stream().filter(change -> change.level() == Level.BREAKING).toList();
    }

    /** Why the build must fail, if it must: breaking changes without a new major version. */
    public Optional<String> failure() {
        if (breaking().isEmpty()) {
            return Optional.empty();
        }
        OptionalInt before = major(baselineVersion);
        OptionalInt after = major(version);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.of("info.version " + baselineVersion + " -> " + version
                    + " has no readable major part, so a breaking change cannot be checked against it");
        }
        if (after.getAsInt() > before.getAsInt()) {
            return Optional.empty();
        }
        StringBuilder why = new StringBuilder()
                .append(breaking().size()).append(" breaking change(s) need a new major version: info.version is ")
                .append(version).append(", the baseline's is ").append(baselineVersion)
                .append("; make it ").append(before.getAsInt() + 1).append(".0.0 or undo them:");
        breaking().forEach(change -> why.append("\n  - ").append(change.kind()).append(" at ")
                .append(change.location()).append(": ").append(change.message()));
        return Optional.of(why.toString());
    }

    /** Maven and OpenAPI versions that disagree on the major part confuse users; the build still passes. */
    public Optional<String> versionWarning() {
        OptionalInt api = major(version);
        OptionalInt maven = major(projectVersion);
        if (api.isPresent() && maven.isPresent() && api.getAsInt() != maven.getAsInt()) {
            return Optional.of("the Maven project version " + projectVersion + " and info.version " + version
                    + " differ in their major part");
        }
        return Optional.empty();
    }

    static OptionalInt major(String version) {
        if (version == null) {
            return OptionalInt.empty();
        }
        Matcher matcher = MAJOR.matcher(version.trim());
        return matcher.find() ? OptionalInt.of(Integer.parseInt(matcher.group(1))) : OptionalInt.empty();
    }

    public String json() {
        ObjectNode root = JSON.createObjectNode();
        root.put("baseline", baseline);
        root.put("baseline_version", baselineVersion);
        root.put("version", version);
        root.put("project_version", projectVersion);
        ArrayNode list = root.putArray("changes");
        for (ApiChange change : changes) {
            list.addObject()
                    .put("level", change.level().label())
                    .put("kind", change.kind())
                    .put("location", change.location())
                    .put("message", change.message());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# API changes\n\n");
        md.append("| | |\n|---|---|\n")
                .append("| baseline | ").append(cell(baseline)).append(" |\n")
                .append("| baseline `info.version` | ").append(cell(baselineVersion)).append(" |\n")
                .append("| `info.version` | ").append(cell(version)).append(" |\n")
                .append("| Maven project version | ").append(cell(projectVersion)).append(" |\n\n");
        versionWarning().ifPresent(warning -> md.append("> **Warning:** ").append(warning).append(".\n\n"));
        failure().ifPresentOrElse(
                why -> md.append("**Verdict: fails.** ").append(breaking().size())
                        .append(" breaking change(s) without a new major version.\n\n"),
                () -> md.append("**Verdict: passes.**").append(breaking().isEmpty() ? ""
                        : " The breaking changes come with a new major version.").append("\n\n"));
        if (changes.isEmpty()) {
            md.append("No changes.\n");
            return md.toString();
        }
        for (Level level : Level.values()) {
            section(md, "## " + level.label(), changes.stream()
                    .filter(change -> change.level() == level && !change.isExample()).toList());
        }
        // Named examples are the stubs downstream teams test against: they get a section of their own.
        section(md, "## Examples", changes.stream().filter(ApiChange::isExample).toList());
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<ApiChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append(title).append(" (").append(changes.size()).append(")\n\n");
        for (ApiChange change : changes) {
            md.append("- ");
            if (change.isExample()) {
                md.append('*').append(change.level().label()).append("* ");
            }
            md.append('`').append(change.location()).append("`: ").append(change.message())
                    .append(" (").append(change.kind()).append(")\n");
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return text == null ? "(none)" : text.replace("|", "\\|");
    }
}
