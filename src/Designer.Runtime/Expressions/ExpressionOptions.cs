namespace Designer.Runtime.Expressions;

/// <summary>Limits every sandboxed expression runs under.</summary>
/// <remarks>
/// Defaults: 50 ms wall time, 4 MB of allocations, call depth 64, 10,000 statements. Business rules are one-line
/// predicates; anything needing more is a design smell, and the limits stop a hostile or buggy expression from
/// starving the silo that hosts the run.
/// </remarks>
public sealed class ExpressionOptions
{
    /// <summary>The defaults used when nothing is configured.</summary>
    public static ExpressionOptions Default { get; } = new();

    /// <summary>Wall-clock limit per evaluation (default 50 ms).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Bytes the evaluation may allocate (default 4 MB).</summary>
    public long MemoryLimitBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Maximum JavaScript call depth (default 64).</summary>
    public int RecursionLimit { get; init; } = 64;

    /// <summary>Maximum statements executed per evaluation (default 10,000).</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>Maximum array length an expression may create (default 100,000).</summary>
    public uint MaxArraySize { get; init; } = 100_000;
}
