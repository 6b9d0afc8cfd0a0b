package com.clickairtime.balance.contract;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.clickairtime.balance.openapi.BalanceSpec;

/**
 * Atlassian's swagger-request-validator over balance.yaml, checking responses only: the
 * contracts send invalid requests on purpose (no key, unknown wallets).
 */
final class SpecValidator {

    static final OpenApiInteractionValidator RESPONSES = OpenApiInteractionValidator
            .createForInlineApiSpecification(BalanceSpec.load().text())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    private SpecValidator() {
    }
}
