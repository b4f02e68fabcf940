namespace Designer.Runtime.Hosting;

/// <summary>Run execution settings (<c>Designer:Runtime</c>).</summary>
public sealed class RuntimeOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Runtime__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Runtime";

    /// <summary>Runs executing at once in this process (1..256); more wait in the queue.</summary>
    public int MaxConcurrentRuns { get; set; } = 8;

    /// <summary>
    /// Runs with queued or executing work this host accepts before run starts are refused with 503 + Retry-After
    /// (1..1,000,000; default 2,000 — about 20 s of backlog at 100 runs/s). Runs waiting for a person do not count.
    /// </summary>
    public int MaxQueuedRuns { get; set; } = 2_000;

    /// <summary>How long stopping the host waits for executing runs (they stay Running and are resumed on the next start).</summary>
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the trace stream polls the trace table for new events (10 ms..10 s).</summary>
    public TimeSpan TraceStreamPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often this host looks for runs left by dead hosts after the start-up sweep (1 s..1 h); default 30 s.
    /// </summary>
    public TimeSpan RecoverySweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Period of a gate's SLA reminder once it is due (1 s..1 h; default 1 min, Orleans' usual minimum): a tick
    /// that finds the task still pending and past due on the runtime clock times it out.
    /// </summary>
    public TimeSpan SlaCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Issue 15: buffer a run's trace rows and commit them with the checkpoint of their superstep (or the run's final
    /// status change), and skip the checkpoint of a superstep whose nodes are all replayable (see
    /// <see cref="Runs.CheckpointRule"/>). Default on; off writes every row and checkpoint in its own transaction.
    /// </summary>
    public bool BatchRunWrites { get; set; } = true;

    /// <summary>
    /// Issue 14: the HMAC-SHA256 key (base64, at least 32 bytes) with which web hosts sign the commands they send to
    /// run grains (decisions, cancels), so a grain trusts the actor only from a host holding it. Required with Redis
    /// clustering (the same value on every host; a secret: never logged); absent = a random key per process, which
    /// is enough when the only silo is in the web host's process. Generate one with <c>openssl rand -base64 32</c>.
    /// </summary>
    public string? GrainCallKey { get; set; }
}
