using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Shared;
using Designer.Web.Rollouts;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Rollouts;

/// <summary>Issue 13: the version page's "Roll out…" form and live rollout panel.</summary>
public sealed class Issue13RolloutPanelTests : UiTestContext
{
    private static readonly Actor Author = new("author-1", "author-1@demo.local");
    private static readonly Actor Approver = new("approver-1", "approver-1@demo.local");

    [Fact]
    public async Task StartForm_Issue13_BadPercentListedNothingSavedThenStartsAndShowsSplit()
    {
        // Arrange: v1 and v2 approved (v2 active).
        var id = await TwoApprovedVersionsAsync();
        AddRolloutServices();
        SignIn("operator-1", "operator");
        var cut = Render<RolloutPanel>(p => p.Add(x => x.WorkflowId, id).Add(x => x.Number, 2).Add(x => x.Published, true));
        var store = AppServices.GetRequiredService<IRolloutStore>();

        // Act 1: a percent out of range and a guard that is no number.
        cut.Find("[data-testid=rollout-open]").Click();
        cut.Find("[data-testid=rollout-percent]").Change("150");
        cut.Find("[data-testid=rollout-maxescalation]").Change("lots");
        cut.Find("[data-testid=rollout-start]").Click();
        var guardProblem = cut.FindAll("[data-testid=problem]").Select(p => p.TextContent).ToList();
        cut.Find("[data-testid=rollout-maxescalation]").Change("0.5");
        cut.Find("[data-testid=rollout-start]").Click();
        var percentProblem = cut.FindAll("[data-testid=problem]").Select(p => p.TextContent).ToList();
        var afterBad = await store.GetLatestAsync(id, CancellationToken.None);

        // Act 2: fixed.
        cut.Find("[data-testid=rollout-percent]").Change("20");
        cut.Find("[data-testid=rollout-start]").Click();

        // Assert
        Assert.Contains(guardProblem, p => p.Contains("maxEscalationRate must be a number", StringComparison.Ordinal));
        Assert.Contains(percentProblem, p => p.Contains("percent must be a whole number from 1 to 99", StringComparison.Ordinal));
        Assert.Null(afterBad);
        cut.WaitForAssertion(() => Assert.True(cut.FindAll("[data-testid=rollout-split]").Count == 1, cut.Markup), TimeSpan.FromSeconds(30));
        Assert.Contains("20 % → v2, 80 % → v1", cut.Find("[data-testid=rollout-split]").TextContent, StringComparison.Ordinal);
        Assert.Equal("running", cut.Find("[data-testid=rollout-state]").TextContent);
        Assert.Equal("50.0 %", cut.Find("[data-guard=maxEscalationRate] td:nth-child(2)").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=rollout-open]"));
    }

    [Fact]
    public async Task LivePanel_Issue13_ViewerSeesGuardValuesButNoButtons()
    {
        // Arrange: a running canary of v2 with two guards.
        var id = await RunningCanaryAsync();
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<RolloutPanel>(p => p.Add(x => x.WorkflowId, id).Add(x => x.Number, 2).Add(x => x.Published, true));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=rollout-promote]"));
        Assert.Empty(cut.FindAll("[data-testid=rollout-open]"));
        Assert.Equal(["maxEscalationRate", "p95LatencyMs"], cut.FindAll("[data-testid=rollout-guard]").Select(g => g.GetAttribute("data-guard")));
        Assert.Contains("waiting for runs", cut.Find("[data-guard=maxEscalationRate]").TextContent, StringComparison.Ordinal);
        Assert.Contains("10 % → v2, 90 % → v1", cut.Find("[data-testid=rollout-split]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LivePanel_Issue13_PromoteAsksForConfirmationThenActivatesCandidate()
    {
        // Arrange
        var id = await RunningCanaryAsync();
        var store = AppServices.GetRequiredService<IRolloutStore>();
        SignIn("approver-2", "approver");
        var cut = Render<RolloutPanel>(p => p.Add(x => x.WorkflowId, id).Add(x => x.Number, 2).Add(x => x.Published, true));

        // Act: cancel once, then confirm.
        cut.Find("[data-testid=rollout-promote]").Click();
        var question = cut.Find("[data-testid=rollout-confirm]").TextContent;
        cut.Find("[data-testid=rollout-confirm-no]").Click();
        var stillRunning = (await store.GetLatestAsync(id, CancellationToken.None))!.State;
        cut.Find("[data-testid=rollout-promote]").Click();
        cut.Find("[data-testid=rollout-confirm-yes]").Click();

        // Assert
        Assert.Contains("Promote v2: every new run will run it", question, StringComparison.Ordinal);
        Assert.Equal(RolloutStates.Running, stillRunning);
        cut.WaitForAssertion(() => Assert.Equal("promoted", cut.Find("[data-testid=rollout-state]").TextContent));
        var workflow = await AppServices.GetRequiredService<IWorkflowStore>().GetWorkflowAsync(id, CancellationToken.None);
        Assert.Equal(2, workflow!.ActiveVersion);
        Assert.Empty(cut.FindAll("[data-testid=rollout-promote]"));
    }

    private async Task<Guid> RunningCanaryAsync()
    {
        var id = await TwoApprovedVersionsAsync();
        AddRolloutServices();
        var started = await AppServices.GetRequiredService<IRolloutStore>().StartAsync(
            new NewRollout(id, 2, RolloutModes.Canary, 10, "PT1H", TimeSpan.FromHours(1), 200, new RolloutGuards(null, 0.3, null, 2000)), Approver, CancellationToken.None);
        Assert.True(started.IsSuccess, started.Error?.Detail);
        return id;
    }

    private void AddRolloutServices()
    {
        Services.AddSingleton(AppServices.GetRequiredService<IRolloutStore>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<RolloutService>();
    }

    private async Task<Guid> TwoApprovedVersionsAsync()
    {
        var workflows = AppServices.GetRequiredService<IWorkflowStore>();
        var id = await SeedWorkflowAsync(Author.Id);
        for (var n = 1; n <= 2; n++)
        {
            var draft = (await workflows.GetDraftAsync(id, CancellationToken.None))!;
            var submitted = await workflows.SubmitVersionAsync(id, draft.DefinitionJson, $"hash-{n}", draft.ETag, Author, null, CancellationToken.None);
            Assert.True(submitted.IsSuccess, submitted.Error?.Detail);
            Assert.True((await workflows.ApproveVersionAsync(id, n, Approver, null, CancellationToken.None)).IsSuccess);
        }

        return id;
    }
}
