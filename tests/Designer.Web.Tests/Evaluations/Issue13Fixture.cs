using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Evaluations;

/// <summary>One app per provider with <c>Designer:Governance:RequireEvaluation</c> on (at least 4 cases).</summary>
public abstract class Issue13Fixture : WebAppFixture
{
    protected override Task ConfigureAsync(DesignerWebFactory factory)
    {
        factory.Settings["Designer:Governance:RequireEvaluation"] = "true";
        factory.Settings["Designer:Governance:MinEvaluationCases"] = "4";
        factory.Settings["Designer:Evaluations:PollInterval"] = "00:00:00.200";
        return Task.CompletedTask;
    }

    /// <summary>Creates the gate-only demo workflow (policy: fraud or amount over 5,000 → review) and submits v1.</summary>
    public async Task<Guid> CreateSubmittedAsync(string name)
    {
        var author = await ClientAsync("author");
        var id = await author.CreateWorkflowAsync(name + " " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        return id;
    }

    /// <summary>A dataset case of the gate workflow.</summary>
    public static JsonObject Case(double amount, string expectedEnd, string category = "quality", params string[] tags)
    {
        var input = RunApiFixture.Input(amount);
        input["category"] = category;
        return new JsonObject
        {
            ["input"] = input,
            ["expected"] = new JsonObject { ["end"] = expectedEnd },
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode?)JsonValue.Create(t))]),
        };
    }
}
