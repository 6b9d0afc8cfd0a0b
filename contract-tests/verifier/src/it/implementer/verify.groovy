// The faithful run, the charset variation and every seeded bug (invoker.properties), as the build expects them.
seededBugs = 'all'
evaluate(new File(implementerExpectations))
