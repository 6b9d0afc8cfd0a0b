package com.clickairtime.balance.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fails the build when fewer cases passed against the sandbox than the spec documents, so that a
 * run in which the verifier's test class was left out, or ran nothing, cannot pass. The verifier
 * counts within its own run; this counts from outside it. Run by Maven after the tests, with the
 * surefire reports directory as its argument.
 */
public final class ContractCountGuard {

    static final String PROVIDER_TEST = "com.clickairtime.balance.contract.SandboxProviderTest";
    /** Besides one test per case, the verifier's own count. */
    private static final int COUNT_TEST = 1;

    private ContractCountGuard() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = BalanceSpec.load().cases().size();
        Path report = Path.of(args[0]).resolve("TEST-" + PROVIDER_TEST + ".xml");
        int passed = 0;
        if (Files.exists(report)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(report.toFile());
            Element suite = document.getDocumentElement();
            passed = Integer.parseInt(suite.getAttribute("tests")) - Integer.parseInt(suite.getAttribute("failures"))
                    - Integer.parseInt(suite.getAttribute("errors")) - Integer.parseInt(suite.getAttribute("skipped")) - COUNT_TEST;
        }
        if (passed < pairs) {
            throw new IllegalStateException(passed + " documented cases passed against the sandbox, but balance.yaml"
                    + " documents " + pairs + " (" + report + ")");
        }
        System.out.println("[contract guard] " + passed + " documented cases passed against the sandbox, of " + pairs);
    }
}
