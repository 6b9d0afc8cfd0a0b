import groovy.xml.XmlSlurper

// What the build expects of the sample implementer on each Boot (src/it/implementer, src/it/implementer-boot35; each
// project's verify.groovy runs this on its own reports). Each run's surefire reports, of both flows: the verifier's
// dynamic tests (WalletBalanceContractTest, in-process and by URL) and Spring Cloud Contract's generated tests
// (ContractVerifierTest in-process, byurl.ContractVerifierTest over HTTP). The faithful run passed every case, each
// seeded bug failed the case it breaks, and the conformant variation passed.
def VERIFIER = 'com.example.wallets.WalletBalanceContractTest'
def GENERATED = ['com.example.wallets.ContractVerifierTest', 'com.example.wallets.byurl.ContractVerifierTest']
def suites = { String bug ->
    def dir = new File(basedir, "target/surefire-reports" + bug)
    assert dir.isDirectory() : "no surefire reports for run '" + bug + "': " + dir
    dir.listFiles().findAll { it.name.endsWith('.xml') }.collect { new XmlSlurper().parse(it) }
}
def suite = { String bug, String testClass ->
    def found = suites(bug).find { it.@name.text() == testClass }
    assert found != null : "no surefire report of " + testClass + " for run '" + bug + "'"
    found
}
def count = { String bug, String attribute -> suites(bug).sum { it.@"${attribute}".text().toInteger() } }
// Every test that failed or errored, in the given suites: its name and what it reported.
def failuresIn = { List found ->
    found.collectMany { s ->
        s.testcase.findAll { it.failure.size() > 0 || it.error.size() > 0 }.collect { test ->
            [name: test.@name.text(), text: [test.failure.@message, test.failure, test.error.@message, test.error]*.text().join('\n')]
        }
    }
}
def failures = { String bug -> failuresIn(suites(bug)) }
def passes = { String bug, String what ->
    assert count(bug, 'tests') > 2 : what + " ran " + count(bug, 'tests') + " tests"
    assert failures(bug).isEmpty() : what + " failed:\n" + failures(bug).collect { it.name + ": " + it.text }.join('\n').take(4000)
}
// The bug fails a test that names its case (in its name or its message) and reports each difference.
def failsNaming = { String bug, List found, String caseName, List<String> differences ->
    def failed = failuresIn(found)
    assert failed.any { (it.name + '\n' + it.text).contains(caseName) && differences.every(it.text.&contains) } :
            "run " + bug + " does not fail " + caseName + " with " + differences + ":\n" + failed.collect { it.name + ": " + it.text }.join('\n').take(4000)
}

passes('', "the faithful server")
def names = { String testClass -> suite('', testClass).testcase*.@name*.text() }
// Both targets ran, and a CI report names the case: surefire's phrased names (see the pom), not inProcess()[7].
['inProcess()', 'byUrl()'].each { target ->
    assert names(VERIFIER).contains(target + ' getWalletBalance_wallet_not_found') :
            "the verifier's report does not name its cases for " + target + ": " + names(VERIFIER)
}
// Every documented case once in each of Spring Cloud Contract's test modes; the verifier runs each per target and adds
// "every documented case ran" per target.
int cases = names(VERIFIER).count { it.startsWith('inProcess() ') } - 1
GENERATED.each { generated ->
    assert names(generated).contains('validate_getWalletBalance_wallet_not_found') :
            "the generated tests' report does not name their cases: " + names(generated)
    assert names(generated).size() == cases : generated + ": Spring Cloud Contract generated " + names(generated).size() +
            " tests, the verifier ran " + cases + " cases"
}
// Content-Type: application/json;charset=UTF-8 (what many frameworks write) is conformant at CONFORMANCE.
passes('-charset-parameter', "the charset variation")

def seeded = [
    '-double-money'          : ['getBalance_acme_balance', ['is written 42.1: USD is written with 2 decimal places (42.10)']],
    '-no-rate-limit-headers' : ['getWalletBalance_wallet_not_found', ['no X-RateLimit-Limit header, which the spec requires']],
    '-not-found-code'        : ['getWalletBalance_wallet_not_found', ["error.code 'NOT_FOUND', documented 'WALLET_NOT_FOUND'"]],
    '-reset-in-milliseconds' : ['getBalance_acme_balance', ['X-RateLimit-Reset', 'is not Unix seconds near the answer']],
    '-total-in-eur'          : ['getBalance_acme_balance', ['available_balance.currency', 'EUR']],
    '-no-www-authenticate'   : ['_missing_api_key', ['no WWW-Authenticate header, which the spec requires']],
]
def BODIES_DIFFER = '-not-found-bodies-differ'
// The project's verify.groovy says which seeded bugs it runs (invoker.properties): 'all', or some of them by name.
def chosen = seededBugs == 'all' ? seeded.keySet() + [BODIES_DIFFER] : seededBugs
assert (chosen - seeded.keySet() - [BODIES_DIFFER]).isEmpty() : "no such seeded bug: " + (chosen - seeded.keySet() - [BODIES_DIFFER])
seeded.subMap(chosen).each { bug, expected ->
    // Both flows run the same checks, so both fail the same way, in-process and over HTTP.
    ([VERIFIER] + GENERATED).each { testClass -> failsNaming(bug, [suite(bug, testClass)], expected[0], expected[1]) }
}
if (chosen.contains(BODIES_DIFFER)) {
    // Two 404 bodies the spec documents alike, answered differently: a failed case of its own, counted in the report
    // line. Only the verifier's run sees two cases side by side.
    failsNaming(BODIES_DIFFER, [suite(BODIES_DIFFER, VERIFIER)], 'getWalletBalance_other_account_wallet',
            ['documents the same body for this case and getWalletBalance_wallet_not_found'])
    def reportLines = { String bug ->
        new File(basedir, "target/surefire-reports" + bug).listFiles().findAll { it.name.endsWith('.xml') }
                .collectMany { (it.text =~ /\[balance verifier\][^\n<]*/).collect { it } }
    }
    assert !reportLines(BODIES_DIFFER).isEmpty() : "no report line in the run's output"
    assert reportLines(BODIES_DIFFER).every { !it.contains('(0 failed)') } :
            "the differing 404 bodies are not counted as a failed case: " + reportLines(BODIES_DIFFER)
}
def bugs = seeded.subMap(chosen).size()
println "[" + basedir.name + "] faithful: " + names(VERIFIER).size() + " verifier tests and " + GENERATED.sum { names(it).size() } +
        " generated Spring Cloud Contract tests (MOCKMVC and EXPLICIT) passed; each of " + bugs + " seeded bugs failed in all three" +
        (chosen.contains(BODIES_DIFFER) ? ", and the differing 404 bodies in the verifier's run" : "") +
        ", naming the case and the difference; the charset variation passed"
return true
