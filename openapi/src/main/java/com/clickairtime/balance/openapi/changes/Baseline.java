package com.clickairtime.balance.openapi.changes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The spec to compare with: a file, a git ref, or by default the commit the current work will be
 * merged into.
 *
 * @param label what it is, for the reports, e.g. {@code HEAD~1 (2a2dc76)}
 * @param text  the baseline document, or empty when there is none (the spec's first commit)
 */
public record Baseline(String label, Optional<String> text) {

    /**
     * Resolves {@code requested} (blank for the default) for the spec at {@code spec}.
     *
     * <p>The default is the merge-base with {@code origin/main}, so that a pull request is compared
     * with its target. On {@code origin/main} itself (a push to main) that is HEAD, so the parent
     * commit is taken instead, as it is without an {@code origin/main}.
     */
    public static Baseline resolve(String requested, Path spec) {
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
