package com.clickairtime.balance.sandbox.bench;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** What the client module's benchmark wrote, when it ran before this one (-pl client,server-stub). */
final class SdkFigures {

    private final Properties figures;

    private SdkFigures(Properties figures) {
        this.figures = figures;
    }

    static Optional<SdkFigures> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties figures = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            figures.load(reader);
        }
        return Optional.of(new SdkFigures(figures));
    }

    String get(String key) {
        String value = figures.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("the SDK figures lack " + key);
        }
        return value;
    }

    /** Whether the run wrote this figure: the async ones came later than the per-call ones. */
    boolean has(String key) {
        return figures.getProperty(key) != null;
    }

    double number(String key) {
        return Double.parseDouble(get(key));
    }
}
