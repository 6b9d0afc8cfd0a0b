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

failsNaming('-double-money', 'getBalance_acme_balance', ['is written 42.1: USD is written with 2 decimal places (42.10)'])
failsNaming('-no-rate-limit-headers', 'getWalletBalance_wallet_not_found', ['no X-RateLimit-Limit header, which the spec requires'])
failsNaming('-not-found-code', 'getWalletBalance_wallet_not_found', ["error.code 'NOT_FOUND', documented 'WALLET_NOT_FOUND'"])
println "[implementer] faithful: " + count('', 'tests') + " tests passed; every seeded bug failed, naming its case and the difference"
return true
