package com.clickairtime.balance.openapi.changes;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The spec to compare with: a file, a git ref, or by default what the current work is measured
 * against (in CI, what the event says; see {@link #resolve(String, Path, Map)}).
 *
 * @param label what it is, for the reports, e.g. {@code HEAD~1 (2a2dc76)}
 * @param text  the baseline document, or empty when there is none (the spec's first commit)
 */
public record Baseline(String label, Optional<String> text) {

    /** Resolves {@code requested} (blank for the default) for the spec at {@code spec}, outside CI. */
    public static Baseline resolve(String requested, Path spec) {
        return resolve(requested, spec, Map.of());
    }

    /**
     * Resolves {@code requested} (blank for the default) for the spec at {@code spec}. A requested
     * baseline always wins. In GitHub Actions ({@code GITHUB_EVENT_NAME} in {@code env}) the event
     * decides: a push compares with the commit before the push ({@code github.event.before}, so every
     * commit of a push of several is checked), a pull request with its merge-base with the target
     * branch, a tag with the previous release tag. Otherwise, and where the event names no usable
     * commit (a new branch), the local rules apply: the merge-base with {@code origin/main}, so that a
     * branch is compared with its target; on {@code origin/main} itself, or without it, the parent commit.
     */
    public static Baseline resolve(String requested, Path spec, Map<String, String> env) {
        Git git = new Git(spec.toAbsolutePath().getParent());
        if (requested != null && !requested.isBlank()) {
            Path file = Path.of(requested);
            if (Files.isRegularFile(file)) {
                return new Baseline(file.toString(), Optional.of(read(file)));
            }
            String commit = git.commit(requested).orElseThrow(() -> new GateException(
                    "api.baseline=" + requested + " is neither a file nor a git ref that names a commit"));
            return atCommit(git, requested, commit, spec);
        }
        if (!git.available()) {
            return new Baseline("none: " + spec.getParent() + " is not in a git work tree", Optional.empty());
        }
        Optional<String> head = git.commit("HEAD");
        if (head.isEmpty()) {
            return new Baseline("none: the repository has no commit yet", Optional.empty());
        }
        Optional<Baseline> ci = ci(git, spec, env);
        if (ci.isPresent()) {
            return ci.get();
        }
        if (git.commit("refs/remotes/origin/main").isPresent()) {
            Optional<String> mergeBase = git.run("merge-base", "HEAD", "refs/remotes/origin/main");
            if (mergeBase.isPresent() && !mergeBase.get().equals(head.get())) {
                return atCommit(git, "merge-base with origin/main", mergeBase.get(), spec);
            }
        }
        return git.commit("HEAD~1")
                .map(parent -> atCommit(git, "HEAD~1", parent, spec))
                .orElseGet(() -> new Baseline("none: HEAD has no parent commit", Optional.empty()));
    }

    /** The baseline a GitHub Actions event names, if it names one. */
    private static Optional<Baseline> ci(Git git, Path spec, Map<String, String> env) {
        String event = env.getOrDefault("GITHUB_EVENT_NAME", "");
        String ref = env.getOrDefault("GITHUB_REF", "");
        if (event.equals("push") && ("tag".equals(env.get("GITHUB_REF_TYPE")) || ref.startsWith("refs/tags/"))) {
            // The release before this one: the newest tag reachable from the tagged commit's parent.
            Optional<String> previous = git.run("describe", "--tags", "--abbrev=0", "HEAD^");
            return Optional.of(previous
                    .map(tag -> atCommit(git, "previous release tag " + tag, git.commit(tag).orElseThrow(), spec))
                    .orElseGet(() -> new Baseline("none: no release tag before this one", Optional.empty())));
        }
        if (event.equals("push")) {
            // A new branch's push has no before (all zeros); a force-push's may be gone from the clone.
            return beforeOfPush(env).flatMap(git::commit)
                    .map(before -> atCommit(git, "the commit before the push (github.event.before)", before, spec));
        }
        if (event.startsWith("pull_request") && !env.getOrDefault("GITHUB_BASE_REF", "").isEmpty()) {
            String target = "refs/remotes/origin/" + env.get("GITHUB_BASE_REF");
            return git.run("merge-base", "HEAD", target)
                    .map(base -> atCommit(git, "merge-base with origin/" + env.get("GITHUB_BASE_REF"), base, spec));
        }
        return Optional.empty();
    }

    private static Optional<String> beforeOfPush(Map<String, String> env) {
        String path = env.get("GITHUB_EVENT_PATH");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            return Optional.empty();
        }
        try {
            String before = EVENT.readTree(Path.of(path).toFile()).path("before").asText("");
            return before.isEmpty() || before.matches("0+") ? Optional.empty() : Optional.of(before);
        } catch (IOException e) {
            throw new GateException("cannot read the GitHub event " + path + ": " + e.getMessage());
        }
    }

    private static final ObjectMapper EVENT = new ObjectMapper();

    private static Baseline atCommit(Git git, String name, String commit, Path spec) {
        String label = name + " (" + commit.substring(0, Math.min(12, commit.length())) + ")";
        // "./" makes the path relative to the spec's folder, wherever the clone lies.
        Optional<String> text = git.run("show", commit + ":./" + spec.getFileName());
        return text.map(found -> new Baseline(label, Optional.of(found)))
                .orElseGet(() -> new Baseline("none: " + spec.getFileName() + " does not exist at " + label, Optional.empty()));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The few git commands the gate needs, run in the spec's folder. */
    private record Git(Path directory) {

        boolean available() {
            return run("rev-parse", "--is-inside-work-tree").filter("true"::equals).isPresent();
        }

        Optional<String> commit(String ref) {
            return run("rev-parse", "--verify", "--quiet", ref + "^{commit}");
        }

        /** The command's output without its final newline, or empty if it failed or git is missing. */
        Optional<String> run(String... arguments) {
            List<String> command = new ArrayList<>(List.of("git"));
            command.addAll(List.of(arguments));
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out;
                try (InputStream in = process.getInputStream()) {
                    out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    process.destroy();
                    return Optional.empty();
                }
                return Optional.of(arguments[0].equals("show") ? out : out.strip());
            } catch (IOException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
