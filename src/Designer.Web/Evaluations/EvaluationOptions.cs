namespace Designer.Web.Evaluations;

/// <summary>Datasets and offline evaluations, bound from <c>Designer:Evaluations</c>.</summary>
public sealed class EvaluationOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Evaluations__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Evaluations";

    /// <summary>Run evaluation jobs in this process (one host per database should).</summary>
    public bool RunJobs { get; set; } = true;

    /// <summary>How often the worker looks for queued or interrupted jobs when nobody wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Most cases one dataset may hold.</summary>
    public int MaxCasesPerDataset { get; set; } = 20_000;

    /// <summary>Most past runs one "from runs" request reads.</summary>
    public int MaxRunsPerImport { get; set; } = 5_000;
}
