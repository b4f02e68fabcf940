using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>A case as sent: the input, the expected outcome, tags, and where it sits in the request.</summary>
internal sealed record CaseInput(string Path, JsonObject Input, string? ExpectedEnd, JsonObject? ExpectedOutput, IReadOnlyList<string> Tags)
{
    /// <summary>The run the case was taken from.</summary>
    public Guid? SourceRunId { get; init; }

    /// <summary>Where the label came from, when not an upload.</summary>
    public string? LabelSource { get; init; }
}
