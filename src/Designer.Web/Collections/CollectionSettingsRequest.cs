using System.Text.Json.Nodes;
using Designer.Retrieval.Collections;

namespace Designer.Web.Collections;

/// <summary>The body of <c>PATCH /api/collections/{name}</c>: the property is required, <c>null</c> clears the collection's weight.</summary>
/// <param name="HybridDenseWeight">A number from 0 to 1, or null for the model's default.</param>
internal sealed record CollectionSettingsRequest(double? HybridDenseWeight)
{
    /// <summary>Every problem with the body's shape: the one setting missing, or settings that cannot change.</summary>
    public static IEnumerable<OperationProblem> Validate(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (!json.ContainsKey("hybridDenseWeight"))
        {
            yield return CollectionProblems.Of("hybridDenseWeight", "Required (a number from 0 to 1, or null for the model's default).");
        }

        foreach (var unknown in json.Select(p => p.Key).Where(k => k != "hybridDenseWeight"))
        {
            yield return CollectionProblems.Of(unknown, "Unknown setting; only hybridDenseWeight can change.");
        }
    }
}
