import com.clickairtime.balance.openapi.BalanceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the sandbox's image tarball without a container engine: its config (entrypoint, a
 * non-root user, the exposed ports, the version label against the spec's info.version, the
 * environment), and then runs it as docs/shared-service.md's docker run line says, from the
 * unpacked layers with bwrap: a read-only root, its tmpfs, the image's user, working directory
 * and environment with the line's -e values. The sandbox must answer the API, the readiness probe
 * and the metrics on the container ports the line publishes, with its class data sharing archive
 * required (-Xshare:on); the start is timed with the archive and without it. The page's further
 * docker run lines (hosted mode) are run once each: their -e settings must reach the sandbox.
 *
 * Run it in a network namespace of its own (unshare --net, loopback up): the container's ports
 * are then its own, as a container's are, whatever this machine already listens on.
 *
 * Usage: ImageCheck TARBALL SPEC DOC WORKDIR
 */
public class ImageCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int STARTS = 3;
    private static String key;

    public static void main(String[] args) throws Exception {
        Path tarball = Path.of(args[0]);
        BalanceSpec spec = BalanceSpec.read(Path.of(args[1]));
        String version = spec.openApi().getInfo().getVersion();
        // The one key a caller is documented to try first: the security scheme's default sandbox key.
        key = spec.defaultSandboxKey().orElseThrow();
        String doc = Files.readString(Path.of(args[2]));
        Path work = Path.of(args[3]);
        Files.createDirectories(work);

        Path image = work.resolve("image");
        run(List.of("tar", "-xf", tarball.toString(), "-C", mkdirs(image).toString()));
        JsonNode manifest = JSON.readTree(image.resolve("manifest.json").toFile()).get(0);
        String tag = manifest.path("RepoTags").path(0).asText();
        JsonNode config = JSON.readTree(image.resolve(manifest.path("Config").asText()).toFile()).path("config");

        String expectedTag = "wallet-balance-sandbox:" + version;
        require(tag.equals(expectedTag), "the image is tagged " + tag + ", not " + expectedTag + " (the spec's info.version)");
        String label = config.path("Labels").path("org.opencontainers.image.version").asText();
        require(label.equals(version), "the label org.opencontainers.image.version is '" + label + "', not the spec's info.version " + version);
        String user = config.path("User").asText();
        require(user.matches("[0-9]+(:[0-9]+)?") && !user.split(":")[0].equals("0"),
                "the image's user is '" + user + "': it must be a numeric user other than root (0)");
        Set<Integer> exposed = new TreeSet<>();
        config.path("ExposedPorts").fieldNames().forEachRemaining(port -> exposed.add(Integer.parseInt(port.replace("/tcp", ""))));
        Map<String, String> environment = new LinkedHashMap<>();
        config.path("Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        require("0.0.0.0".equals(environment.get("SERVER_ADDRESS")), "the image must set SERVER_ADDRESS=0.0.0.0 (a container's loopback is its own)");
        String managementPort = environment.getOrDefault("MANAGEMENT_SERVER_PORT", "");
        require(managementPort.matches("[0-9]+") && exposed.contains(Integer.parseInt(managementPort)),
                "the image must set MANAGEMENT_SERVER_PORT to an exposed port; it sets '" + managementPort + "', exposes " + exposed);
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(part -> entrypoint.add(part.asText()));
        String workingDirectory = config.path("WorkingDir").asText("/");

        // The layers, in order, as an engine stacks them.
        Path rootfs = mkdirs(work.resolve("rootfs"));
        for (JsonNode layer : manifest.path("Layers")) {
            run(List.of("tar", "--warning=no-unknown-keyword", "-xzf", image.resolve(layer.asText()).toString(), "-C", rootfs.toString()));
        }
        require(!entrypoint.isEmpty() && Files.isExecutable(inside(rootfs, entrypoint.get(0))),
                "the entrypoint " + entrypoint + " names no executable file of the image");
        String archive = entrypoint.stream().filter(part -> part.startsWith("-XX:SharedArchiveFile=")).findFirst()
                .map(part -> part.substring("-XX:SharedArchiveFile=".length())).orElse(null);
        require(archive != null && Files.isRegularFile(inside(rootfs, archive)),
                "the entrypoint " + entrypoint + " names no class data sharing archive of the image");
        int jar = entrypoint.indexOf("-jar");
        require(jar > 0 && jar + 1 < entrypoint.size()
                        && Files.isRegularFile(inside(rootfs, workingDirectory).resolve(entrypoint.get(jar + 1))),
                "the entrypoint " + entrypoint + " names no jar of the image in " + workingDirectory);
        String name = Files.readAllLines(inside(rootfs, "/etc/passwd")).stream().map(line -> line.split(":"))
                .filter(fields -> fields[2].equals(user.split(":")[0])).map(fields -> fields[0]).findFirst().orElse("?");
        long unpacked;
        try (var files = Files.walk(rootfs)) {
            unpacked = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        System.out.printf("image: %s, %.1f MB tarball (%.0f MB unpacked), user %s (%s), ports %s, entrypoint %s in %s%n",
                tag, Files.size(tarball) / 1e6, unpacked / 1e6, user, name, exposed, String.join(" ", entrypoint), workingDirectory);

        // The documented run command: the same for Docker and Podman, naming this image.
        List<String> docker = command(doc, "docker run ");
        List<String> podman = command(doc, "podman run ");
        require(podman.subList(1, podman.size()).equals(docker.subList(1, docker.size())),
                "docs/shared-service.md's podman run line differs from its docker run line");
        Run runLine = Run.parse(docker);
        require(runLine.image.equals(tag), "docs/shared-service.md runs " + runLine.image + ", not " + tag);
        require(runLine.readOnly && runLine.tmpfs.contains("/tmp"),
                "docs/shared-service.md's run line must show the read-only root (--read-only --tmpfs /tmp)");
        require(exposed.equals(runLine.published), "docs/shared-service.md publishes the container ports "
                + runLine.published + ", the image exposes " + exposed);
        int management = Integer.parseInt(managementPort);
        int api = exposed.stream().filter(port -> port != management).findFirst().orElseThrow();

        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(runLine.environment);
        String javaOptions = env.getOrDefault("JAVA_TOOL_OPTIONS", "");
        List<Double> withArchive = new ArrayList<>();
        List<Double> withoutArchive = new ArrayList<>();
        for (int i = 0; i < STARTS; i++) {
            env.put("JAVA_TOOL_OPTIONS", (javaOptions + " -Xshare:on").strip());
            withArchive.add(start(rootfs, runLine, user, workingDirectory, env, entrypoint, api, management, work, i == 0));
            env.put("JAVA_TOOL_OPTIONS", (javaOptions + " -Xshare:off").strip());
            withoutArchive.add(start(rootfs, runLine, user, workingDirectory, env, entrypoint, api, management, work, false));
        }
        System.out.printf("image: first answer after %.2f s with its CDS archive, %.2f s without (medians of %d starts: %s and %s)%n",
                median(withArchive), median(withoutArchive), STARTS, seconds(withArchive), seconds(withoutArchive));
        System.out.println("image: the documented run command answered: read-only root, user " + user
                + ", API on " + api + ", readiness and metrics on " + management);

        // The page's other run lines (hosted mode): their -e settings reach the sandbox in the image.
        List<List<String>> others = commands(doc, "docker run ");
        for (List<String> other : others.subList(1, others.size())) {
            Run hosted = Run.parse(other);
            require(hosted.image.equals(tag) && exposed.containsAll(hosted.published),
                    "docs/shared-service.md's run line " + String.join(" ", other) + " names another image or an unexposed port");
            Map<String, String> hostedEnv = new LinkedHashMap<>(environment);
            hostedEnv.putAll(hosted.environment);
            String allowedHost = hosted.environment.get("SANDBOX_ALLOWEDHOSTS");
            String allowedOrigin = hosted.environment.get("SANDBOX_CORS_ALLOWEDORIGINS");
            require(allowedHost != null && allowedOrigin != null, "docs/shared-service.md's hosted run line sets no host names or origins");
            Process process = launch(rootfs, hosted, user, workingDirectory, hostedEnv, entrypoint, work);
            try {
                await("http://127.0.0.1:" + api + "/openapi.yaml", process, work.resolve("run.log"));
                String hostName = allowedHost.split(",")[0];
                String origin = allowedOrigin.split(",")[0];
                String answer = raw(api, "GET /v2/balance HTTP/1.1\r\nHost: " + hostName + "\r\nOrigin: " + origin
                        + "\r\nAuthorization: Bearer " + key + "\r\nConnection: close\r\n\r\n");
                require(answer.startsWith("HTTP/1.1 200") && answer.contains("Access-Control-Allow-Origin: " + origin),
                        "the hosted run line's sandbox did not answer Host " + hostName + " with CORS for " + origin + ":\n" + answer);
                String foreign = raw(api, "GET /v2/balance HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                        + "\r\nConnection: close\r\n\r\n");
                require(foreign.startsWith("HTTP/1.1 400"), "the hosted run line's sandbox answered Host localhost:\n" + foreign);
                System.out.println("image: the hosted run line answered Host " + hostName + " (CORS for " + origin + ") and refused Host localhost");
            } finally {
                stop(process);
            }
        }
    }

    /** A request sent as written (HttpClient will not send another Host than the URL's), the answer's head and body. */
    private static String raw(int port, String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** One start as the run line says; the seconds from launch to the first answer of the API port. */
    private static double start(Path rootfs, Run runLine, String user, String workingDirectory, Map<String, String> env,
                                List<String> entrypoint, int api, int management, Path work, boolean probeAll) throws Exception {
        Path log = work.resolve("run.log");
        long launched = System.nanoTime();
        Process process = launch(rootfs, runLine, user, workingDirectory, env, entrypoint, work);
        try {
            String base = "http://127.0.0.1:" + api;
            HttpResponse<String> first = await(base + "/openapi.yaml", process, log);
            double seconds = (System.nanoTime() - launched) / 1e9;
            require(first.statusCode() == 200, "the image's /openapi.yaml answered " + first.statusCode());
            if (probeAll) {
                probe(rootfs, base, management, process, log);
            }
            return seconds;
        } finally {
            stop(process);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The run line's flags applied with bwrap to the unpacked layers; output to WORKDIR/run.log. */
    private static Process launch(Path rootfs, Run runLine, String user, String workingDirectory, Map<String, String> env,
                                  List<String> entrypoint, Path work) throws IOException {
        List<String> command = new ArrayList<>(List.of("bwrap", runLine.readOnly ? "--ro-bind" : "--bind", rootfs.toString(), "/",
                "--proc", "/proc", "--dev", "/dev", "--unshare-user", "--unshare-pid", "--die-with-parent",
                "--uid", user.split(":")[0], "--gid", user.contains(":") ? user.split(":")[1] : user,
                "--chdir", workingDirectory, "--clearenv"));
        for (String tmpfs : runLine.tmpfs) {
            command.addAll(List.of("--tmpfs", tmpfs));
        }
        env.forEach((key, value) -> command.addAll(List.of("--setenv", key, value)));
        command.addAll(entrypoint);
        command.addAll(runLine.arguments);
        // bwrap needs the mount points to exist in the tree it binds read-only; an engine makes them itself.
        for (String point : new String[] {"proc", "dev", "tmp"}) {
            Files.createDirectories(rootfs.resolve(point));
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve("run.log").toFile()).start();
    }

    /** The API, the metrics and the probes of a started image, each on its own port only. */
    private static void probe(Path rootfs, String base, int management, Process process, Path log) throws Exception {
        HttpResponse<String> balance = get(base + "/v2/balance", "Bearer " + key);
        require(balance.statusCode() == 200, "the image's /v2/balance answered " + balance.statusCode() + ": " + balance.body());
        require(get(base + "/actuator/health", null).statusCode() == 404, "the API port answers /actuator/health");
        String managementBase = "http://127.0.0.1:" + management;
        // Ready once the application has started, a moment after the ports answer.
        HttpResponse<String> ready = await(managementBase + "/actuator/health/readiness", process, log);
        for (long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30); ready.statusCode() != 200 && System.nanoTime() < until; ) {
            Thread.sleep(50);
            ready = get(managementBase + "/actuator/health/readiness", null);
        }
        require(ready.statusCode() == 200 && JSON.readTree(ready.body()).path("status").asText().equals("UP"),
                "the readiness probe answered " + ready.statusCode() + ": " + ready.body());
        HttpResponse<String> metrics = get(managementBase + "/actuator/prometheus", null);
        require(metrics.statusCode() == 200 && Pattern.compile("(?m)^sandbox_requests_seconds_count\\{operation=\"getBalance\",status=\"200\"} 1(\\.0)?$").matcher(metrics.body()).find(),
                "the metrics did not count the balance call: " + metrics.statusCode());
        require(get(managementBase + "/v2/balance", "Bearer " + key).statusCode() == 404, "the management port answers /v2/balance");
        String output = Files.readString(log);
        require(output.contains("started by " + Files.readAllLines(rootfs.resolve("etc/passwd")).get(0).split(":")[0]),
                "the sandbox did not say it runs as the image's user:\n" + output);
    }

    private static HttpResponse<String> await(String url, Process process, Path log) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the image's entrypoint exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                return get(url, null);
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException(url + " did not answer within 60 s:\n" + Files.readString(log));
    }

    private static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The documented command that starts with the prefix (the first of them), split into words. */
    private static List<String> command(String doc, String prefix) {
        List<List<String>> all = commands(doc, prefix);
        require(!all.isEmpty(), "docs/shared-service.md has no line starting with '" + prefix + "'");
        return all.get(0);
    }

    /** Every documented command that starts with the prefix, its continuation lines joined, split into words. */
    private static List<List<String>> commands(String doc, String prefix) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "((?:[^\\n]*\\\\\\n)*[^\\n]*)$").matcher(doc);
        List<List<String>> all = new ArrayList<>();
        while (line.find()) {
            String text = (prefix + line.group(1)).replace("\\\n", " ");
            all.add(Arrays.asList(text.strip().split("\\s+")));
        }
        return all;
    }

    /** What a docker run line asks for, of the flags the check can apply without an engine. */
    private record Run(boolean readOnly, List<String> tmpfs, Set<Integer> published, Map<String, String> environment,
                       String image, List<String> arguments) {

        static Run parse(List<String> words) {
            boolean readOnly = false;
            List<String> tmpfs = new ArrayList<>();
            Set<Integer> published = new TreeSet<>();
            Map<String, String> environment = new LinkedHashMap<>();
            int i = 2;
            for (; i < words.size() && words.get(i).startsWith("-"); i++) {
                String flag = words.get(i);
                switch (flag) {
                    case "--rm" -> { }
                    case "--read-only" -> readOnly = true;
                    case "--tmpfs" -> tmpfs.add(words.get(++i));
                    case "-p", "--publish" -> {
                        String[] parts = words.get(++i).split(":");
                        published.add(Integer.parseInt(parts[parts.length - 1].replace("/tcp", "")));
                    }
                    case "-e", "--env" -> {
                        String[] pair = words.get(++i).split("=", 2);
                        environment.put(pair[0], pair[1]);
                    }
                    default -> throw new IllegalStateException("docs/shared-service.md's run line has a flag the check cannot apply: " + flag);
                }
            }
            require(i < words.size(), "docs/shared-service.md's run line names no image");
            return new Run(readOnly, tmpfs, published, environment, words.get(i), words.subList(i + 1, words.size()));
        }
    }

    private static Path inside(Path rootfs, String absolute) {
        return rootfs.resolve(absolute.replaceFirst("^/+", ""));
    }

    private static Path mkdirs(Path directory) throws IOException {
        return Files.createDirectories(directory);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        require(process.waitFor() == 0, String.join(" ", command) + " failed");
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String seconds(List<Double> values) {
        return values.stream().map(value -> String.format("%.2f", value)).toList().toString();
    }

    private static void require(boolean condition, String failure) {
        if (!condition) {
            System.err.println("image check: " + failure);
            System.exit(1);
        }
    }
}
