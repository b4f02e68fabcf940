// Test tier (issue 17): no server, no browser, no Orleans cluster — `scripts/test.sh --fast` runs this tier alone.
[assembly: Trait("Tier", "unit")]
