package com.clickairtime.balance.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fails the build when fewer generated contract tests passed than the spec has named example
 * pairs, so that a run which silently generated or ran nothing cannot pass. Run by Maven
 * after the tests, with the surefire reports directory as its argument.
 */
public final class ContractCountGuard {

    static final String GENERATED_TEST = "com.clickairtime.balance.contract.ContractVerifierTest";

    private ContractCountGuard() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = BalanceSpec.load().cases().size();
        Path report = Path.of(args[0]).resolve("TEST-" + GENERATED_TEST + ".xml");
        int passed = 0;
        if (Files.exists(report)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(report.toFile());
            Element suite = document.getDocumentElement();
            passed = Integer.parseInt(suite.getAttribute("tests")) - Integer.parseInt(suite.getAttribute("failures"))
                    - Integer.parseInt(suite.getAttribute("errors")) - Integer.parseInt(suite.getAttribute("skipped"));
        }
        if (passed < pairs) {
            throw new IllegalStateException(passed + " contract tests passed, but balance.yaml has " + pairs
                    + " named example pairs (" + report + ")");
        }
        System.out.println("[contract guard] " + passed + " contract tests passed for " + pairs + " named example pairs");
    }
}
