namespace Designer.Persistence;

/// <summary>EF Core row for one case of a dataset: a run input and the outcome that was right.</summary>
public sealed class DatasetCaseEntity
{
    /// <summary>Dataset this case belongs to.</summary>
    public Guid DatasetId { get; set; }

    /// <summary>1-based number within the dataset.</summary>
    public int Number { get; set; }

    /// <summary>The run input (JSON object).</summary>
    public string InputJson { get; set; } = "{}";

    /// <summary>The End node id that is right for this input, if labelled by outcome.</summary>
    public string? ExpectedEnd { get; set; }

    /// <summary>Named output fields that are right (JSON object), if labelled by output.</summary>
    public string? ExpectedOutputJson { get; set; }

    /// <summary>Tags (JSON array of strings), e.g. <c>critical</c>.</summary>
    public string TagsJson { get; set; } = "[]";

    /// <summary>The run the case was taken from, if any.</summary>
    public Guid? SourceRunId { get; set; }

    /// <summary>Where the label came from: <c>human</c>, <c>outcome</c>, <c>upload</c>, <c>generator</c>.</summary>
    public string LabelSource { get; set; } = string.Empty;
}
