namespace Designer.Web.Batches;

/// <summary>Batch runs from a file (issue 16), bound from <c>Designer:Batches</c>.</summary>
public sealed class BatchOptions
{
    /// <summary>The section of appsettings (or <c>Designer__Batches__*</c> environment variables) these options are bound from.</summary>
    public const string SectionName = "Designer:Batches";

    /// <summary>Start the rows of stored batches in this process.</summary>
    public bool RunWorker { get; set; } = true;

    /// <summary>Largest upload in bytes (413 above); at most the API's body limit, so the NUL guard sees all of it.</summary>
    public int MaxBodyBytes { get; set; } = Api.ApiJson.MaxBodyBytes;

    /// <summary>Most rows one batch may have.</summary>
    public int MaxRows { get; set; } = 10_000;

    /// <summary>Most runs of one batch executing at once; the worker starts more only as they end.</summary>
    public int MaxInFlightPerBatch { get; set; } = 8;

    /// <summary>How often the worker looks again while a batch is throttled or idle.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most bad lines listed in a refusal (the rest are counted).</summary>
    public int MaxProblemsListed { get; set; } = 100;
}
