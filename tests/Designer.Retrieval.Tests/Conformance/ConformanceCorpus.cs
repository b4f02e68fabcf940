using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;

namespace Designer.Retrieval.Tests.Conformance;

/// <summary>A small hand-made corpus in 8 dimensions whose nearest neighbours and keyword matches are known.</summary>
internal static class ConformanceCorpus
{
    public const int Dimension = 8;

    public static float[] Axis(params (int Axis, float Weight)[] parts)
    {
        var vector = new float[Dimension];
        foreach (var (axis, weight) in parts)
        {
            vector[axis] = weight;
        }

        return vector;
    }

    public static IReadOnlyList<VectorRecord> Records() =>
    [
        new("a", Axis((0, 1f)), "refund for a damaged parcel", Payload("refund", 120, "eu", "vip")),
        new("b", Axis((0, 1f), (1, 0.5f)), "late delivery and a refund request", Payload("refund", 40, "us", "new")),
        new("c", Axis((1, 1f)), "card payment declined at checkout", Payload("payment", 15, "eu", "new")),
        new("d", Axis((2, 1f)), "chargeback dispute opened by the bank", Payload("dispute", 300, "apac", "vip")),
        new("e", Axis((3, 1f)), "password reset email never arrived", Payload("account", 0, "eu")),
        new("f", Axis((2, 1f), (3, 1f)), "dispute about a duplicate card charge", Payload("dispute", 75, "us", "vip", "new")),
    ];

    private static JsonObject Payload(string category, int amount, string region, params string[] tags) => new()
    {
        ["category"] = category,
        ["amount"] = amount,
        ["region"] = region,
        ["tags"] = new JsonArray(tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
    };
}
