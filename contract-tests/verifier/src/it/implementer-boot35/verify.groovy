// The faithful server on Spring Boot 3.5 passed every case, in-process and by URL.
def dir = new File(basedir, "target/surefire-reports")
assert dir.isDirectory() : "no surefire reports: " + dir
def xml = dir.listFiles().findAll { it.name.endsWith('.xml') }.collect { it.text }.join('\n')
def count = { String attribute -> (xml =~ /<testsuite[^>]*\s${attribute}="(\d+)"/)[0][1].toInteger() }
assert count('tests') > 2 : "ran " + count('tests') + " tests"
assert count('failures') == 0 && count('errors') == 0 : "the faithful Boot 3.5 server failed:\n" + xml.take(4000)
assert xml.contains('byUrl') && xml.contains('inProcess') : "not both targets ran:\n" + xml.take(2000)
println "[implementer-boot35] " + count('tests') + " tests passed on Spring Boot 3.5"
return true
