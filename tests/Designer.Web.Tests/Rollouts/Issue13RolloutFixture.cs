using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;

namespace Designer.Web.Tests.Rollouts;

/// <summary>
/// One app per provider for the rollout tests. The guard service's own timer is set to an hour so that only the
/// tests decide when guards are checked (through <c>RolloutMonitor</c>, on a fake clock where time matters).
/// </summary>
public abstract class Issue13RolloutFixture : WebAppFixture
{
    protected override Task ConfigureAsync(DesignerWebFactory factory)
    {
        factory.Settings["Designer:Rollouts:GuardInterval"] = "01:00:00";
        return Task.CompletedTask;
    }

    /// <summary>
    /// v1 = the gate workflow (amounts over 5,000 go to a person), v2 = the same with the threshold at 10, so v2
    /// escalates an amount of 100 that v1 decides automatically. Both approved; v2 is active after its approval.
    /// </summary>
    public async Task<Guid> CreateTwoVersionsAsync(string name, bool approveV2 = true)
    {
        var author = await ClientAsync("author");
        var approver = await ClientAsync("approver");
        var id = await author.CreateWorkflowAsync(name + " " + Guid.NewGuid().ToString("N")[..6], RunApiFixture.GateWorkflow());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        var (draft, etag) = await author.GetDraftAsync(id);
        var definition = draft["definition"]!.AsObject();
        var rules = definition["nodes"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == "policy")!["config"]!["rules"]!.AsArray();
        var rule = rules.Single(r => r!["id"]!.GetValue<string>() == "high-amount")!.AsObject();
        var condition = rule.Single(p => p.Value is JsonValue v && v.TryGetValue<string>(out var text) && text == "input.amount > 5000").Key;
        rule[condition] = "input.amount > 10";
        Assert.Equal(HttpStatusCode.OK, (await author.PutDraftAsync(id, definition.ToJsonString(), etag)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        if (approveV2)
        {
            Assert.Equal(HttpStatusCode.OK, (await approver.PostJsonAsync($"/api/workflows/{id}/versions/2/approve")).StatusCode);
        }

        return id;
    }
}
