using System.Text.Json.Nodes;

namespace Designer.Web.Evaluations;

/// <summary>The body of <c>POST /api/datasets/{id}/cases</c>; a bare JSON array of cases is read as <paramref name="Cases"/> too.</summary>
/// <param name="Cases">The cases to add (at least one), checked like those of a new dataset.</param>
internal sealed record AddCasesRequest(IReadOnlyList<DatasetCaseRequest>? Cases = null)
{
    /// <summary>The cases of either shape, each problem listed with its position; an empty body or <c>null</c> is no case.</summary>
    public static List<CaseInput> Read(JsonNode? body, List<ValidationProblem> problems)
    {
        var node = (body is JsonObject json ? EvaluationBinding.Get(json, "cases") : null) ?? body;
        return node is null ? [] : DatasetCaseRequest.ReadAll(node, "cases", problems);
    }
}
