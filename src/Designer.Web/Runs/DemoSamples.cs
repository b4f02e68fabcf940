using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>Sample run inputs for the dispute triage demo's Start schema.</summary>
public static class DemoSamples
{
    /// <summary>Named samples: a low-risk quality claim the policy passes, and a high-risk fraud claim it sends to review.</summary>
    public static IReadOnlyList<(string Name, JsonObject Input)> All { get; } =
    [
        ("Low-risk quality claim", new JsonObject
        {
            ["amount"] = 42.5,
            ["currency"] = "EUR",
            ["category"] = "quality",
            ["merchant"] = "Maple Books",
            ["description"] = "The book arrived with a torn cover; the merchant offered a partial refund.",
            ["customerTenureMonths"] = 60,
            ["merchantDisputeRate"] = 0.012,
        }),
        ("High-risk fraud claim", new JsonObject
        {
            ["amount"] = 7800,
            ["currency"] = "EUR",
            ["category"] = "fraud",
            ["merchant"] = "Quick Electronics Outlet",
            ["description"] = "I never made this purchase; my card was used abroad the same day it was reported stolen.",
            ["customerTenureMonths"] = 2,
            ["merchantDisputeRate"] = 0.18,
        }),
    ];
}
