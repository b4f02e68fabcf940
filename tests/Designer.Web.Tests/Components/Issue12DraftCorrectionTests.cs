using System.Text.Json.Nodes;
using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Runs;
using Designer.Web.Tests.Infrastructure;
using MudBlazor.Services;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 12: the reviewer edits the model's draft in the inbox and the edit goes with the decision as its correction.</summary>
public sealed class Issue12DraftCorrectionTests : BunitContext
{
    private const string Draft = "Refund the customer in full.";

    public Issue12DraftCorrectionTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public async Task Approve_DraftEdited_DecisionCarriesTheCorrection()
    {
        // Arrange
        TaskDecision? decided = null;
        var cut = RenderCard(Evidence("ok"), d => decided = d);

        // Act
        cut.Find("[data-testid=task-llm-correction]").Input("Refund 40 EUR; the rest was delivered.");
        await ConfirmAsync(cut, "approve");

        // Assert
        Assert.NotNull(decided);
        Assert.Equal("approve", decided.Decision);
        Assert.Equal("Refund 40 EUR; the rest was delivered.", decided.Correction);
    }

    [Fact]
    public async Task Approve_DraftLeftAsIs_RecordsNoCorrection()
    {
        // Arrange
        TaskDecision? decided = null;
        var cut = RenderCard(Evidence("ok"), d => decided = d);
        Assert.Equal(Draft, cut.Find("[data-testid=task-llm-draft-resolution]").TextContent);

        // Act: typing and then restoring the draft is no correction.
        cut.Find("[data-testid=task-llm-correction]").Input("something else");
        cut.Find("[data-testid=task-llm-correction]").Input(Draft + " ");
        await ConfirmAsync(cut, "approve");

        // Assert
        Assert.NotNull(decided);
        Assert.Null(decided.Correction);
    }

    [Fact]
    public void Render_DegradedDraft_OffersNothingToCorrect()
    {
        // Act
        var cut = RenderCard(Evidence("degraded"), _ => { });

        // Assert
        Assert.Contains("no chat model configured", cut.Find("[data-testid=task-llm-draft-reason]").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=task-llm-correction]"));
    }

    private IRenderedComponent<ProvidersHost> RenderCard(string evidence, Action<TaskDecision> decided)
    {
        var task = new HumanTaskRecord(
            Guid.NewGuid(), Guid.NewGuid(), "review", "r:review:1", "approver", "Review the dispute.", evidence,
            ["approve", "reject"], [], HumanTaskStatus.Pending, DateTimeOffset.UnixEpoch, null, null, null, null, null, null, null);
        return Render<ProvidersHost>(p => p.AddChildContent<HumanTaskCard>(c => c
            .Add(x => x.Task, task)
            .Add(x => x.Now, DateTimeOffset.UnixEpoch)
            .Add(x => x.Decided, decided)));
    }

    private static string Evidence(string port)
    {
        var output = new JsonObject
        {
            ["model"] = "drafter@1",
            ["output"] = port == "ok" ? new JsonObject { ["resolution"] = Draft, ["confidence"] = 0.8 } : new JsonObject(),
            ["llm"] = new JsonObject { ["inputTokens"] = 10 },
        };
        if (port != "ok")
        {
            output["reason"] = "no chat model configured";
        }

        return new JsonArray(new JsonObject { ["nodeId"] = "draft", ["kind"] = "node.completed", ["port"] = port, ["output"] = output }).ToJsonString();
    }

    private static async Task ConfirmAsync(IRenderedComponent<ProvidersHost> cut, string decision)
    {
        var click = cut.Find($"[data-testid=task-{decision}]").ClickAsync(new());
        cut.WaitForElement("[data-testid=comment-ok]");
        await cut.Find("[data-testid=comment-ok]").ClickAsync(new());
        await click;
    }
}
