import groovy.xml.XmlSlurper

// Each run's surefire reports: the faithful one passed every case, each seeded bug failed the case it breaks,
// and the conformant variation passed.
def suites = { String bug ->
    def dir = new File(basedir, "target/surefire-reports" + bug)
    assert dir.isDirectory() : "no surefire reports for run '" + bug + "': " + dir
    dir.listFiles().findAll { it.name.endsWith('.xml') }.collect { new XmlSlurper().parse(it) }
}
def count = { String bug, String attribute -> suites(bug).sum { it.@"${attribute}".text().toInteger() } }
// Every test that failed or errored: its name and what it reported.
def failures = { String bug ->
    suites(bug).collectMany { suite ->
        suite.testcase.findAll { it.failure.size() > 0 || it.error.size() > 0 }.collect { test ->
            [name: test.@name.text(), text: [test.failure.@message, test.failure, test.error.@message, test.error]*.text().join('\n')]
        }
    }
}
def passes = { String bug, String what ->
    assert count(bug, 'tests') > 2 : what + " ran " + count(bug, 'tests') + " tests"
    assert failures(bug).isEmpty() : what + " failed:\n" + failures(bug).collect { it.name + ": " + it.text }.join('\n').take(4000)
}
// The bug fails a test that names its case (in its name or its message) and reports each difference.
def failsNaming = { String bug, String caseName, List<String> differences ->
    def failed = failures(bug)
    assert failed.any { (it.name + '\n' + it.text).contains(caseName) && differences.every(it.text.&contains) } :
            "run " + bug + " does not fail " + caseName + " with " + differences + ":\n" + failed.collect { it.name + ": " + it.text }.join('\n').take(4000)
}

passes('', "the faithful server")
def names = suites('').collectMany { it.testcase*.@name*.text() }
// Both targets ran: by method name (inProcess()[n], byUrl()[n]), or each case's name twice.
assert (names.any { it.contains('inProcess') } && names.any { it.contains('byUrl') })
        || names.count { it.startsWith('getWalletBalance_wallet_not_found') } >= 2 : "not both targets ran: " + names
// A CI report names the case that failed: surefire's testcase names are the case names, not inProcess()[n].
assert names.any { it.startsWith('getWalletBalance_wallet_not_found') } : "the report does not name the cases: " + names
// Content-Type: application/json;charset=UTF-8 (what many frameworks write) is conformant at CONFORMANCE.
passes('-charset-parameter', "the charset variation")

failsNaming('-double-money', 'getBalance_acme_balance', ['is written 42.1: USD is written with 2 decimal places (42.10)'])
failsNaming('-no-rate-limit-headers', 'getWalletBalance_wallet_not_found', ['no X-RateLimit-Limit header, which the spec requires'])
failsNaming('-not-found-code', 'getWalletBalance_wallet_not_found', ["error.code 'NOT_FOUND', documented 'WALLET_NOT_FOUND'"])
failsNaming('-reset-in-milliseconds', 'getBalance_acme_balance', ['X-RateLimit-Reset'])
failsNaming('-total-in-eur', 'getBalance_acme_balance', ['available_balance.currency', 'EUR'])
failsNaming('-no-www-authenticate', '_missing_api_key', ['WWW-Authenticate'])
// Two 404 bodies the spec documents alike, answered differently: a failed case of its own, counted in the report line.
failsNaming('-not-found-bodies-differ', 'getWalletBalance_other_account_wallet', ['documented with the same body'])
def reportLines = { String bug ->
    new File(basedir, "target/surefire-reports" + bug).listFiles().findAll { it.name.endsWith('.xml') }
            .collectMany { (it.text =~ /\[balance verifier\][^\n<]*/).collect { it } }
}
assert !reportLines('-not-found-bodies-differ').isEmpty() : "no report line in the run's output"
assert reportLines('-not-found-bodies-differ').every { !it.contains('(0 failed)') } :
        "the differing 404 bodies are not counted as a failed case: " + reportLines('-not-found-bodies-differ')
println "[implementer] faithful: " + count('', 'tests') + " tests passed; every seeded bug failed, naming its case and the difference; the charset variation passed"
return true
