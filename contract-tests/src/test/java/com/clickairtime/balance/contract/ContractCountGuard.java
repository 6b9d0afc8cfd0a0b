package com.clickairtime.balance.contract;

import com.clickairtime.balance.openapi.BalanceSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fails the build when fewer cases passed against the sandbox than the spec documents, in either
 * run: the verifier's dynamic tests (SandboxProviderTest) and the tests Spring Cloud Contract
 * generates from the spec (on SandboxContractBase). So a run in which a test class was left out,
 * or ran nothing, cannot pass. The verifier counts within its own run; this counts from outside
 * it. Run by Maven after the tests, with the surefire reports directory as its argument.
 */
public final class ContractCountGuard {

    static final String PROVIDER_TEST = "com.clickairtime.balance.contract.SandboxProviderTest";
    /** Spring Cloud Contract names the class after the contracts' folder, in the pom's basePackageForTests. */
    static final String GENERATED_TEST = "com.clickairtime.balance.contract.generated.ContractVerifierTest";

    private ContractCountGuard() {
    }

    public static void main(String[] args) throws Exception {
        int pairs = BalanceSpec.load().cases().size();
        Path reports = Path.of(args[0]);
        // Besides one test per case, the verifier's own count; the generated class has none.
        int provider = passed(reports, PROVIDER_TEST) - 1;
        int generated = passed(reports, GENERATED_TEST);
        if (provider < pairs || generated < pairs) {
            throw new IllegalStateException("of the " + pairs + " documented cases in balance.yaml, " + provider
                    + " passed against the sandbox in the verifier's run (" + PROVIDER_TEST + ") and " + generated
                    + " in Spring Cloud Contract's generated tests (" + GENERATED_TEST + "), in " + reports);
        }
        System.out.println("[contract guard] " + provider + " documented cases passed against the sandbox in the verifier's"
                + " run and " + generated + " in Spring Cloud Contract's generated tests, of " + pairs);
    }

    private static int passed(Path reports, String testClass) throws Exception {
        Path report = reports.resolve("TEST-" + testClass + ".xml");
        if (!Files.exists(report)) {
            return 0;
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(report.toFile());
        Element suite = document.getDocumentElement();
        return Integer.parseInt(suite.getAttribute("tests")) - Integer.parseInt(suite.getAttribute("failures"))
                - Integer.parseInt(suite.getAttribute("errors")) - Integer.parseInt(suite.getAttribute("skipped"));
    }
}
