// The post-build check of every consumer project (each verify.groovy evaluates this file):
// surefire ran at least one test, and the build log holds no Maven warning, no Stub Runner warning
// or error, no stack trace and no SLF4J complaint (without a logger nothing would be logged to check), so
// that the stubs jar and the SDK are all a consumer needs.
def reports = (new File(basedir, 'target/surefire-reports').listFiles() ?: []).findAll { it.name ==~ /TEST-.*\.xml/ }
int tests = reports.sum(0) { report -> (report.text =~ /<testsuite\b[^>]*?\btests="(\d+)"/)[0][1] as int }
assert tests > 0 : "${basedir.name}: surefire ran no test"

// Spring's BeanPostProcessorChecker notes how Stub Runner's own configuration is declared (Spring
// Cloud Contract's, logged whatever the stubs are), so it is the one warning let through. Maven's
// own [WARNING] lines count too: the pom is docs/consumers.md's block, which a team pastes as it is.
// The invoker hands the outer build's -P profiles (-Psdks in .ci/run, -Pbalance-release) on to each
// project, whose Maven then says they do not exist there: a note about this build, not the project's.
def noise = new File(basedir, 'build.log').readLines().findAll { line ->
    (line.startsWith('[WARNING]') && !(line ==~ /\[WARNING\] The requested profile "[\w.-]+" could not be activated because it does not exist\./)) ||
            line.contains('Error Processing') || line.startsWith('SLF4J') || line ==~ /\s+at [\w$.]+\(.*\)\s*/ ||
            (line =~ /\b(WARN|ERROR)\b/ && !line.contains('BeanPostProcessorChecker'))
}
assert noise.isEmpty() : "${basedir.name}: the build log has warnings, errors or stack traces:\n" + noise.take(20).join('\n')
println "[consumer check] ${basedir.name}: ${tests} test(s) ran, no warning, error or stack trace in the log"
return true
