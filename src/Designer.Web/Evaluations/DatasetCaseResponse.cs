using System.Text.Json.Nodes;
using Designer.Web.Runs;

namespace Designer.Web.Evaluations;

/// <summary>A dataset case; the input is redacted like run inputs are.</summary>
internal sealed record DatasetCaseResponse(int Number, JsonNode? Input, ExpectedResponse Expected, IReadOnlyList<string> Tags, Guid? SourceRunId, string LabelSource)
{
    public static DatasetCaseResponse From(DatasetCaseRecord c) =>
        new(c.Number, ApiRedaction.Redact(JsonNode.Parse(c.InputJson)), new ExpectedResponse(c.ExpectedEnd, c.ExpectedOutputJson is null ? null : JsonNode.Parse(c.ExpectedOutputJson)),
            c.Tags, c.SourceRunId, c.LabelSource);
}
