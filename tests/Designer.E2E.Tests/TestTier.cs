// Test tier (issue 17): drives Chromium through Playwright against a running app; run by `scripts/test.sh`.
[assembly: Trait("Tier", "browser")]
