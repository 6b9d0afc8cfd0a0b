package com.clickairtime.balance.sandbox.dataset;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A broken dataset is reported as Spring Boot reports a start-up problem it knows: the message and what to do, no stack. */
public class DatasetFailureAnalyzer extends AbstractFailureAnalyzer<DatasetException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatasetException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the dataset (see server-stub/src/main/resources/sandbox/dataset.yaml for its fields), "
                        + "or start with another one: --sandbox.dataset=file:/path/to/data.yaml", cause);
    }
}
