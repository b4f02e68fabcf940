using System.Net;
using System.Text.Json.Nodes;
using Designer.Web.Tests.Infrastructure;
using Designer.Workflows.Catalogue;

namespace Designer.Web.Tests.Batches;

/// <summary>
/// One app per provider for the batch tests: the worker polls every 50 ms, uploads are limited to 200 kB (the 413
/// test), and each test publishes its own trivial start → end workflow so run counts are its own.
/// </summary>
public abstract class Issue16BatchFixture : WebAppFixture
{
    public const int MaxBodyBytes = 200_000;

    protected override Task ConfigureAsync(DesignerWebFactory factory)
    {
        factory.Settings["Designer:Batches:PollInterval"] = "00:00:00.050";
        factory.Settings["Designer:Batches:MaxBodyBytes"] = MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        factory.Settings["Designer:Batches:MaxInFlightPerBatch"] = "16";
        return Task.CompletedTask;
    }

    /// <summary>Creates, submits and approves a start → end workflow whose schema has every CSV cell type.</summary>
    public async Task<Guid> PublishTrivialAsync(bool approve = true)
    {
        var author = await ClientAsync("author");
        var id = await author.CreateWorkflowAsync("Batch " + Guid.NewGuid().ToString("N")[..8], Trivial());
        Assert.Equal(HttpStatusCode.Created, (await author.PostJsonAsync($"/api/workflows/{id}/versions")).StatusCode);
        if (approve)
        {
            Assert.Equal(HttpStatusCode.OK, (await (await ClientAsync("approver")).PostJsonAsync($"/api/workflows/{id}/versions/1/approve")).StatusCode);
        }

        return id;
    }

    public static WorkflowDefinition Trivial() => new()
    {
        Name = "Batch trivial",
        Nodes =
        [
            new NodeDefinition
            {
                Id = "start", Kind = NodeKinds.Start, Name = "Start", Position = new NodePosition(0, 0),
                Config = new JsonObject
                {
                    ["inputSchema"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["required"] = new JsonArray("amount", "currency"),
                        ["properties"] = new JsonObject
                        {
                            ["amount"] = new JsonObject { ["type"] = "number", ["minimum"] = 0 },
                            ["currency"] = new JsonObject { ["type"] = "string", ["minLength"] = 3, ["maxLength"] = 3 },
                            ["count"] = new JsonObject { ["type"] = "integer" },
                            ["urgent"] = new JsonObject { ["type"] = "boolean" },
                        },
                    },
                },
            },
            new NodeDefinition { Id = "end", Kind = NodeKinds.End, Name = "Done", Position = new NodePosition(300, 0), Config = [] },
        ],
        Edges = [new EdgeDefinition { Id = "e1", From = new PortRef("start", "next"), To = new PortRef("end", NodeKinds.InputPort) }],
    };
}
