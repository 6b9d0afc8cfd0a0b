package com.clickairtime.balance.sandbox.docs;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Swagger UI from the {@code org.webjars:swagger-ui} jar and the page's own script, both from
 * the classpath: the docs work offline and load nothing from a CDN. Only these two folders are
 * static; every other unknown path stays the API's JSON 404.
 */
@Configuration(proxyBeanMethods = false)
public class DocsResources implements WebMvcConfigurer {

    private static final String WEBJAR = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/docs/swagger-ui/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/");
        registry.addResourceHandler("/docs/assets/**").addResourceLocations("classpath:/docs/assets/");
    }

    /** The webjar's folder is named after its version; read it rather than restate the pom's. */
    static String swaggerUiVersion() {
        try (InputStream in = DocsResources.class.getClassLoader().getResourceAsStream(WEBJAR)) {
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
