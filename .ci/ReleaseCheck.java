import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Maven Central's requirements, checked on what a deploy wrote to a file repository (docs/releasing.md,
 * "Releasing"): every pom has a name of its own and a description, url, license (name and url),
 * developer and scm (url and connection), its own or inherited from a parent in the same
 * repository, as Maven inherits them; every jar a -sources and a -javadoc jar beside it; every file
 * an .asc signature (.ci/run verifies them with gpg) and correct .md5 and .sha1 checksums. Fails
 * naming each file and what it lacks. Usage: java .ci/ReleaseCheck.java <repository directory>
 */
public class ReleaseCheck {

    /** Leaves a pom may inherit, as paths of child elements. */
    private static final List<String> INHERITED = List.of("description", "url", "licenses/license/name",
            "licenses/license/url", "developers/developer/name", "scm/url", "scm/connection");

    private static final List<String> NOT_SIGNED = List.of(".asc", ".md5", ".sha1", ".sha256", ".sha512");

    public static void main(String[] args) throws Exception {
        Path repository = Path.of(args[0]);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(repository)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> missing = new ArrayList<>();
        int poms = 0;
        int signed = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith("maven-metadata") || NOT_SIGNED.stream().anyMatch(name::endsWith)) {
                continue;
            }
            signed++;
            if (!Files.exists(file.resolveSibling(name + ".asc"))) {
                missing.add(repository.relativize(file) + ": no .asc signature");
            }
            checksum(file, "md5", "MD5", repository, missing);
            checksum(file, "sha1", "SHA-1", repository, missing);
            if (name.endsWith(".pom")) {
                poms++;
                checkPom(repository, file, missing);
            }
        }
        if (poms == 0) {
            missing.add(repository + ": no pom was deployed");
        }
        if (!missing.isEmpty()) {
            missing.forEach(line -> System.out.println("release check: " + line));
            System.out.println("release check: " + missing.size() + " requirement(s) of Maven Central not met");
            System.exit(1);
        }
        System.out.println("release check: " + poms + " poms with name, description, url, license, developer and scm;"
                + " sources and javadoc beside every jar; " + signed + " files, each signed and with its .md5 and .sha1");
    }

    private static void checksum(Path file, String extension, String algorithm, Path repository, List<String> missing)
            throws Exception {
        Path sum = file.resolveSibling(file.getFileName() + "." + extension);
        if (!Files.exists(sum)) {
            missing.add(repository.relativize(file) + ": no ." + extension);
            return;
        }
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(Files.readAllBytes(file)));
        if (!Files.readString(sum).trim().startsWith(expected)) {
            missing.add(repository.relativize(file) + ": its ." + extension + " is not its " + algorithm);
        }
    }

    private static void checkPom(Path repository, Path pom, List<String> missing) throws Exception {
        Element project = parse(pom);
        String where = repository.relativize(pom).toString();
        if (text(project, "name") == null) {
            missing.add(where + ": no <name> (Maven does not inherit it)");
        }
        List<Element> chain = chain(repository, project, where, missing);
        for (String path : INHERITED) {
            if (chain.stream().noneMatch(element -> text(element, path.split("/")) != null)) {
                missing.add(where + ": no <" + path.replace("/", "><") + ">, neither its own nor a parent's");
            }
        }
        String packaging = text(project, "packaging");
        if (packaging == null || packaging.equals("jar")) {
            String base = pom.getFileName().toString().replaceFirst("\\.pom$", "");
            for (String file : List.of(base + ".jar", base + "-sources.jar", base + "-javadoc.jar")) {
                if (!Files.exists(pom.resolveSibling(file))) {
                    missing.add(where + ": no " + file + " beside it");
                }
            }
        }
    }

    /** The pom and its parents, nearest first, as far as the repository holds them. */
    private static List<Element> chain(Path repository, Element project, String where, List<String> missing)
            throws Exception {
        List<Element> chain = new ArrayList<>(List.of(project));
        Element current = project;
        while (child(current, "parent") != null) {
            String groupId = text(current, "parent", "groupId");
            String artifactId = text(current, "parent", "artifactId");
            String version = text(current, "parent", "version");
            Path directory = repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version);
            Path parent;
            try (Stream<Path> list = Files.exists(directory) ? Files.list(directory) : Stream.empty()) {
                parent = list.filter(file -> file.getFileName().toString().endsWith(".pom")).max(Path::compareTo).orElse(null);
            }
            if (parent == null) {
                missing.add(where + ": its parent " + groupId + ":" + artifactId + ":" + version + " was not deployed with it");
                break;
            }
            current = parse(parent);
            chain.add(current);
        }
        return chain;
    }

    private static Element parse(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    /** The trimmed text at this path of direct children, or null where it is absent or blank. */
    private static String text(Element element, String... path) {
        Element current = element;
        for (String name : path) {
            current = child(current, name);
            if (current == null) {
                return null;
            }
        }
        String text = current.getTextContent().trim();
        return text.isEmpty() ? null : text;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }
}
