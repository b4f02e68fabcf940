// Test tier (issue 17): needs real servers (PostgreSQL, PGlite+pgvector, Redis), an Orleans cluster or a host; run by `scripts/test.sh`.
[assembly: Trait("Tier", "integration")]
