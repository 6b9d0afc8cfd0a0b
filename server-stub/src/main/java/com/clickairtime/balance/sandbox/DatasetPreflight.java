package com.clickairtime.balance.sandbox;

import com.clickairtime.balance.sandbox.dataset.Dataset;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Reads the dataset as soon as the settings are known, before any bean or the web server
 * exists: a broken one then stops the start with only its own message (DatasetFailureAnalyzer),
 * instead of failing deep inside Tomcat's start, which logs the failure twice with exception
 * names of its own. The dataset bean reads the same file again once the context starts.
 */
public class DatasetPreflight implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        String location = event.getEnvironment().getProperty("sandbox.dataset", "classpath:sandbox/dataset.yaml");
        Dataset.read(new DefaultResourceLoader().getResource(location), SandboxApplication.spec().apiKeyPattern());
    }
}
