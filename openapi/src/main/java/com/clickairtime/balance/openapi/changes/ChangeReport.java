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
 * The gate's verdict on a set of changes, and the two reports: a changelog for people, grouped
 * by audience and level, and JSON for machines. The semver rule is {@link #RULE}.
 *
 * @param baseline        what the spec was compared with (a git ref and commit, or a file)
 * @param baselineVersion the baseline's {@code info.version}
 * @param version         the current {@code info.version}
 * @param projectVersion  the Maven project version, shown next to {@code info.version}
 * @param changes         worst first
 */
public record ChangeReport(String baseline, String baselineVersion, String version, String projectVersion,
                           List<ApiChange> changes) {

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The semver rule, as the changelog states it. */
    static final String RULE = "Each change is judged for two audiences: **clients** (SDKs, integrations, users of the stubs)"
            + " and **implementers** (code built on `balance-server-interface`, servers verified by the contract suite)."
            + " A change that breaks clients needs a new major `info.version`; a change that breaks only implementers"
            + " needs at least a new minor `info.version`, and is listed under \"Implementers must act\".";

    public ChangeReport {
        changes = List.copyOf(changes);
    }

    /** Every change that breaks some audience. */
    public List<ApiChange> breaking() {
        return changes.stream().filter(change -> change.level() == Level.BREAKING).toList();
    }

    /** The changes that break clients: they need a new major version. */
    public List<ApiChange> breakingClients() {
        return changes.stream().filter(change -> change.clients() == Level.BREAKING).toList();
    }

    /** The changes that break implementers but not clients: they need at least a new minor version. */
    public List<ApiChange> implementersMustAct() {
        return changes.stream().filter(change -> change.implementers() == Level.BREAKING && change.clients() != Level.BREAKING)
                .toList();
    }

    /** Why the build must fail, if it must: breaking changes without the version the rule asks for. */
    public Optional<String> failure() {
        if (breaking().isEmpty()) {
            return Optional.empty();
        }
        Optional<int[]> before = version(baselineVersion);
        Optional<int[]> after = version(version);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.of("info.version " + baselineVersion + " -> " + version
                    + " has no readable major.minor part, so a breaking change cannot be checked against it");
        }
        int[] old = before.get();
        int[] now = after.get();
        boolean newMajor = now[0] > old[0];
        boolean newMinor = newMajor || now[0] == old[0] && now[1] > old[1];
        StringBuilder why = new StringBuilder();
        if (!breakingClients().isEmpty() && !newMajor) {
            why.append(breakingClients().size()).append(" change(s) break clients and need a new major version: info.version is ")
                    .append(version).append(", the baseline's is ").append(baselineVersion)
                    .append("; make it ").append(old[0] + 1).append(".0.0 or undo them:");
            list(why, breakingClients());
        } else if (!implementersMustAct().isEmpty() && !newMinor) {
            why.append(implementersMustAct().size()).append(" change(s) break implementers and need at least a new minor")
                    .append(" version: info.version is ").append(version).append(", the baseline's is ").append(baselineVersion)
                    .append("; make it ").append(old[0]).append('.').append(old[1] + 1).append(".0 or undo them:");
            list(why, implementersMustAct());
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(why.toString());
    }

    private static void list(StringBuilder why, List<ApiChange> changes) {
        changes.forEach(change -> why.append("\n  - ").append(change.kind()).append(" at ")
                .append(change.location()).append(": ").append(change.message()));
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
        return version(version).map(parts -> OptionalInt.of(parts[0])).orElse(OptionalInt.empty());
    }

    /** Major and minor; a missing minor counts as 0. */
    static Optional<int[]> version(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher matcher = VERSION.matcher(version.trim());
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(new int[] {Integer.parseInt(matcher.group(1)),
                matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2))});
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
                    .put("clients", change.clients().label())
                    .put("implementers", change.implementers().label())
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
        StringBuilder md = new StringBuilder("# API changes\n\n").append(RULE).append("\n\n");
        md.append("| | |\n|---|---|\n")
                .append("| baseline | ").append(cell(baseline)).append(" |\n")
                .append("| baseline `info.version` | ").append(cell(baselineVersion)).append(" |\n")
                .append("| `info.version` | ").append(cell(version)).append(" |\n")
                .append("| Maven project version | ").append(cell(projectVersion)).append(" |\n\n");
        versionWarning().ifPresent(warning -> md.append("> **Warning:** ").append(warning).append(".\n\n"));
        failure().ifPresentOrElse(
                why -> md.append("**Verdict: fails.** ").append(why.lines().findFirst().orElse(why)).append("\n\n"),
                () -> md.append("**Verdict: passes.**").append(breaking().isEmpty() ? ""
                        : " The breaking changes come with the version they need.").append("\n\n"));
        if (changes.isEmpty()) {
            md.append("No changes.\n");
            return md.toString();
        }
        List<ApiChange> contract = changes.stream().filter(change -> !change.isExample()).toList();
        section(md, "## Clients: breaking", filter(contract, Audience.CLIENTS, Level.BREAKING));
        section(md, "## Implementers must act", implementersMustAct().stream().filter(change -> !change.isExample()).toList());
        section(md, "## Implementers: breaking, with clients", contract.stream()
                .filter(change -> change.implementers() == Level.BREAKING && change.clients() == Level.BREAKING).toList());
        section(md, "## Clients: potentially-breaking", filter(contract, Audience.CLIENTS, Level.POTENTIALLY_BREAKING));
        section(md, "## Implementers: potentially-breaking", filter(contract, Audience.IMPLEMENTERS, Level.POTENTIALLY_BREAKING));
        section(md, "## Compatible for both", contract.stream()
                .filter(change -> change.level() == Level.COMPATIBLE).toList());
        // Named examples are the stubs downstream teams test against and the implementers' contract tests.
        section(md, "## Examples", changes.stream().filter(ApiChange::isExample).toList());
        return md.toString();
    }

    private static List<ApiChange> filter(List<ApiChange> changes, Audience audience, Level level) {
        return changes.stream().filter(change -> change.level(audience) == level).toList();
    }

    private static void section(StringBuilder md, String title, List<ApiChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        md.append(title).append(" (").append(changes.size()).append(")\n\n");
        for (ApiChange change : changes) {
            md.append("- `").append(change.location()).append("`: ").append(change.message())
                    .append(" (").append(change.kind()).append("; clients: ").append(change.clients().label())
                    .append(", implementers: ").append(change.implementers().label()).append(")\n");
        }
        md.append('\n');
    }

    private static String cell(String text) {
        return text == null ? "(none)" : text.replace("|", "\\|");
    }
}
