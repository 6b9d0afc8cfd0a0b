// Each run's surefire reports: the faithful one passed every case, each seeded bug failed the case it breaks.
def reports = { String bug -> new File(basedir, "target/surefire-reports" + bug) }
def text = { String bug ->
    def dir = reports(bug)
    assert dir.isDirectory() : "no surefire reports for run '" + bug + "': " + dir
    dir.listFiles().findAll { it.name.endsWith('.xml') }.collect { it.text }.join('\n')
            .replace('&apos;', "'").replace('&quot;', '"').replace('&#10;', '\n').replace('&lt;', '<').replace('&gt;', '>')
            .replace('&amp;', '&')
}

def faithful = text('')
def count = { String attribute -> (faithful =~ /<testsuite[^>]*\s${attribute}="(\d+)"/)[0][1].toInteger() }
int tests = count('tests')
assert tests > 1 : "the faithful run ran " + tests + " tests"
assert count('failures') == 0 && count('errors') == 0 : "the faithful server failed:\n" + faithful.take(4000)

def expectations = [
    '-double-money'          : ['getBalance_acme_balance', 'is written 42.1: USD is written with 2 decimal places (42.10)'],
    '-no-rate-limit-headers' : ['getWalletBalance_wallet_not_found', 'no X-RateLimit-Limit header, which the spec requires'],
    '-not-found-code'        : ['getWalletBalance_wallet_not_found', "error.code 'NOT_FOUND', documented 'WALLET_NOT_FOUND'"],
]
expectations.each { bug, expected ->
    def failed = text(bug)
    expected.each { assert failed.contains(it) : "run " + bug + " does not report '" + it + "':\n" + failed.take(4000) }
}
println "[implementer] faithful: " + tests + " tests passed; every seeded bug failed, naming its case and the difference"
return true
