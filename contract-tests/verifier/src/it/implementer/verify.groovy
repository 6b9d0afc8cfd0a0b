// Each run's surefire reports: the faithful one passed every case, each seeded bug failed the case it breaks.
def reports = { String bug -> new File(basedir, "target/surefire-reports" + bug) }
def text = { String bug ->
    def dir = reports(bug)
    assert dir.isDirectory() : "no surefire reports for run '" + bug + "': " + dir
    dir.listFiles().findAll { it.name.endsWith('.xml') }.collect { it.text }.join('\n')
            .replace('&apos;', "'").replace('&quot;', '"').replace('&#10;', '\n').replace('&lt;', '<').replace('&gt;', '>')
            .replace('&amp;', '&')
}
def count = { String xml, String attribute -> (xml =~ /<testsuite[^>]*\s${attribute}="(\d+)"/)[0][1].toInteger() }

def faithful = text('')
int tests = count(faithful, 'tests')
assert tests > 2 : "the faithful run ran " + tests + " tests"
assert count(faithful, 'failures') == 0 && count(faithful, 'errors') == 0 : "the faithful server failed:\n" + faithful.take(4000)
assert faithful.contains('inProcess') && faithful.contains('byUrl') : "not both targets ran:\n" + faithful.take(2000)

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
