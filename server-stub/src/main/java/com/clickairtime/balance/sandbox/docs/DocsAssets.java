package com.clickairtime.balance.sandbox.docs;

import com.clickairtime.balance.sandbox.error.ApiException;
import com.clickairtime.balance.sandbox.error.ErrorCatalog;
import com.clickairtime.balance.sandbox.error.ErrorCode;
import com.clickairtime.balance.sandbox.routing.RequestPaths;
import com.clickairtime.balance.sandbox.wire.NonBlockingWrites;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Swagger UI from the {@code org.webjars:swagger-ui} jar and the page's own script, both from
 * the classpath: the docs work offline and load nothing from a CDN. The files are a fixed list,
 * made at start-up from the two folders, and an asset is that list's entry for the request's one
 * canonical path ({@link RequestPaths}): whatever the spelling ({@code %69ndex.html},
 * {@code index.html;x=1}, {@code //index.html}), a path names a listed file or nothing, and
 * nothing is resolved, so no traversal is tried and none logged. Swagger UI's stock page and
 * initializer (which load petstore.swagger.io) are not listed. Each file is read once, on its
 * first request, and its bytes are shared by every answer ({@link NonBlockingWrites}); no
 * {@code Last-Modified} (a jar's time says nothing about the file).
 */
@Controller
public class DocsAssets {

    private static final ErrorCode NOT_FOUND = ErrorCode.of("NOT_FOUND");

    private static final String WEBJAR = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    /** Swagger UI's own page, its initializer (which points at the petstore) and the OAuth page that goes with them. */
    private static final Set<String> STOCK = Set.of("index.html", "swagger-initializer.js", "oauth2-redirect.html");

    private final Map<String, Resource> files;
    private final ConcurrentMap<String, byte[]> read = new ConcurrentHashMap<>();

    public DocsAssets(ErrorCatalog errors) {
        errors.require(NOT_FOUND);
        Map<String, Resource> listed = new HashMap<>();
        list("/docs/swagger-ui/", "classpath:/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/*", listed);
        list("/docs/assets/", "classpath:/docs/assets/*", listed);
        this.files = Map.copyOf(listed);
    }

    @GetMapping({"/docs/swagger-ui/**", "/docs/assets/**"})
    void asset(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = RequestPaths.canonical(request);
        Resource file = files.get(path);
        if (file == null) {
            throw new ApiException(NOT_FOUND);
        }
        byte[] bytes = read.computeIfAbsent(path, name -> bytes(file));
        response.setContentType(MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM).toString());
        NonBlockingWrites.sendShared(request, response, bytes);
    }

    private static void list(String prefix, String pattern, Map<String, Resource> into) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(DocsAssets.class.getClassLoader()).getResources(pattern)) {
                String name = resource.getFilename();
                if (name != null && !name.isEmpty() && resource.isReadable() && !STOCK.contains(name)) {
                    into.put(prefix + name, resource);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Resource file) {
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The webjar's folder is named after its version; read it rather than restate the pom's. */
    static String swaggerUiVersion() {
        try (InputStream in = DocsAssets.class.getClassLoader().getResourceAsStream(WEBJAR)) {
            if (in == null) {
                throw new IllegalStateException(WEBJAR + " is missing: is org.webjars:swagger-ui a dependency?");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
