// The same server on Spring Boot 3.5, held to the same expectations: the faithful run and the charset variation, and
// two seeded bugs (one in a body, one in an error's headers), which show that both flows apply the checks here too;
// the Boot 4 sample runs every seeded bug.
seededBugs = ['-total-in-eur', '-no-www-authenticate']
evaluate(new File(implementerExpectations))
