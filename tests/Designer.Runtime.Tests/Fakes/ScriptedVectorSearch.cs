using System.Text.Json.Nodes;
using Designer.Runtime.Retrieval;

namespace Designer.Runtime.Tests.Fakes;

internal sealed class ScriptedVectorSearch : IVectorSearch
{
    public List<VectorSearchRequest> Requests { get; } = [];

    public IReadOnlyList<VectorSearchHit> Hits { get; set; } =
    [
        new("d-17", 0.91, "Card used abroad after theft", new JsonObject { ["outcome"] = "refunded" }),
        new("d-42", 0.74, "Unrecognised online purchase", null),
    ];

    public Task<IReadOnlyList<VectorSearchHit>> SearchAsync(VectorSearchRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }

        return Task.FromResult(Hits);
    }
}
