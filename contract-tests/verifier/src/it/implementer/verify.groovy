// Each run's surefire reports: the faithful one passed every case, each seeded bug failed the case it breaks.
def reports = { String bug -> new File(basedir, "target/surefire-reports" + bug) }
def unescaped = { String xml ->
    xml.replace('&apos;', "'").replace('&quot;', '"').replace('&#10;', '\n').replace('&lt;', '<').replace('&gt;', '>')
            .replace('&amp;', '&')
}
// One report per test class: the verifier's dynamic tests, and Spring Cloud Contract's generated tests.
def report = { String bug, String testClass ->
    def file = new File(reports(bug), "TEST-" + testClass + ".xml")
    assert file.isFile() : "no surefire report of " + testClass + " for run '" + bug + "': " + file
    unescaped(file.text)
}
def verifierXml = report('', 'com.example.wallets.WalletBalanceContractTest')
def generatedXml = report('', 'com.example.wallets.ContractVerifierTest')
def count = { String xml, String attribute -> (xml =~ /<testsuite[^>]*\s${attribute}="(\d+)"/)[0][1].toInteger() }
int tests = count(verifierXml, 'tests')
assert tests > 1 : "the faithful run ran " + tests + " tests"
[verifierXml, generatedXml].each { xml ->
    assert count(xml, 'failures') == 0 && count(xml, 'errors') == 0 : "the faithful server failed:\n" + xml.take(4000)
}
// Every documented case once in each flow: the verifier adds its count, "every documented case ran".
assert count(generatedXml, 'tests') == tests - 1 : "Spring Cloud Contract generated " + count(generatedXml, 'tests') +
        " tests, the verifier ran " + (tests - 1) + " cases"
// A CI report names each case: the verifier's by its factory method and the case, the generated ones by
// validate_ and the case (surefire's phrased names, see the pom), not walletBalanceContract()[7].
def names = { String xml -> (xml =~ /<testcase\s+name="([^"]+)"/).collect { it[1] } }
assert names(verifierXml).contains('walletBalanceContract() getWalletBalance_wallet_not_found') &&
        names(verifierXml).contains('walletBalanceContract() every documented case ran') :
        "the verifier's report does not name its cases: " + names(verifierXml)
assert names(generatedXml).contains('validate_getWalletBalance_wallet_not_found') :
        "the generated tests' report does not name their cases: " + names(generatedXml)

def expectations = [
    '-double-money'          : ['getBalance_acme_balance', 'is written 42.1: USD is written with 2 decimal places (42.10)'],
    '-no-rate-limit-headers' : ['getWalletBalance_wallet_not_found', 'no X-RateLimit-Limit header, which the spec requires'],
    '-not-found-code'        : ['getWalletBalance_wallet_not_found', "error.code 'NOT_FOUND', documented 'WALLET_NOT_FOUND'"],
]
expectations.each { bug, expected ->
    // Both flows run the same checks, so both fail the same way.
    ['com.example.wallets.WalletBalanceContractTest', 'com.example.wallets.ContractVerifierTest'].each { testClass ->
        def failed = report(bug, testClass)
        expected.each { assert failed.contains(it) : "run " + bug + " of " + testClass + " does not report '" + it + "':\n" + failed.take(4000) }
    }
}
println "[implementer] faithful: " + tests + " verifier tests and " + count(generatedXml, 'tests') + " generated Spring Cloud Contract" +
        " tests passed; every seeded bug failed in both, naming its case and the difference"
return true
