namespace Designer.Runtime.Runs;

/// <summary>Optional parts of a run start.</summary>
/// <param name="RunKey">The caller's run (idempotency) key: a retried start with the same key lands on the same rollout side.</param>
/// <param name="Version">An explicit published version, which wins over the active version and any rollout split.</param>
/// <param name="ValidateInput">
/// Check the input against the chosen version's start schema before anything is stored, answering
/// <see cref="RunStartErrors.InvalidInput"/> (webhooks, issue 16); otherwise the Start node fails the run.
/// </param>
/// <param name="RunId">
/// The id the run gets, chosen and recorded by the caller first (batch rows, issue 16): starting the same id twice
/// fails on the run's primary key rather than starting a second run. Null for a new id.
/// </param>
/// <param name="Trigger">What started the run (<see cref="Persistence.RunTriggers"/>) for its audit entry; null for the API.</param>
public sealed record RunStartOptions(string? RunKey = null, int? Version = null, bool ValidateInput = false, Guid? RunId = null, string? Trigger = null);
