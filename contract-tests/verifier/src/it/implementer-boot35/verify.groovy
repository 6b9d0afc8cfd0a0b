import groovy.xml.XmlSlurper

// The faithful server on Spring Boot 3.5 passed every case, in-process and by URL, in every report surefire wrote.
def dir = new File(basedir, "target/surefire-reports")
assert dir.isDirectory() : "no surefire reports: " + dir
def suites = dir.listFiles().findAll { it.name.endsWith('.xml') }.collect { new XmlSlurper().parse(it) }
def count = { String attribute -> suites.sum(0) { it.@"${attribute}".text().toInteger() } }
def names = suites.collectMany { it.testcase*.@name*.text() }
assert count('tests') > 2 : "ran " + count('tests') + " tests"
assert count('failures') == 0 && count('errors') == 0 :
        "the faithful Boot 3.5 server failed:\n" + dir.listFiles().findAll { it.name.endsWith('.xml') }.collect { it.text }.join('\n').take(4000)
assert names.any { it.startsWith('inProcess()') } && names.any { it.startsWith('byUrl()') } : "not both targets ran: " + names
println "[implementer-boot35] " + count('tests') + " tests passed on Spring Boot 3.5"
return true
