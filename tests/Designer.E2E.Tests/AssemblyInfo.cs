// One browser flow at a time: each class starts its own app (Kestrel, Orleans silo, SQLite) and browser contexts,
// and four of them at once on a 2-core CI machine starved each other into timeouts (CI, 2026-11-24). The flows are
// about correctness; run in turn, the suite costs seconds more and no flow waits on another's CPU.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
