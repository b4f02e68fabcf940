using Bunit;
using Designer.Persistence;
using Designer.Web.Components.Runs;
using Designer.Web.Identity;
using Designer.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace Designer.Web.Tests.RunsUi;

/// <summary>Starting a run from the UI: the schema form, the demo samples, the operator check.</summary>
public sealed class StartRunDialogTests : RunsUiContext
{
    [Fact]
    public async Task Start_HighRiskSampleAsOperator_StartsTheRunWithTheSample()
    {
        // Arrange
        SignIn("operator-1", DesignerRoles.Operator);
        var (cut, dialog) = await OpenAsync();
        cut.WaitForAssertion(() => Assert.Equal(7, cut.FindAll("[data-testid^=start-field-]").Count));

        // Act
        cut.FindAll("[data-testid=start-sample]")[1].Click();
        cut.Find("[data-testid=start-submit]").Click();
        var result = await dialog.Result.WaitAsync(WaitLimit);

        // Assert
        var runId = Assert.IsType<Guid>(result!.Data);
        var run = await AppServices.GetRequiredService<IRunStore>().GetRunAsync(runId, CancellationToken.None);
        Assert.Contains("\"fraud\"", run!.InputJson, StringComparison.Ordinal);
        Assert.Equal("operator-1", run.StartedById);
    }

    [Fact]
    public async Task Start_EmptyRequiredFields_ListsEveryProblemAndStartsNothing()
    {
        // Arrange
        SignIn("operator-1", DesignerRoles.Operator);
        var (cut, _) = await OpenAsync();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=start-submit]")));

        // Act
        cut.Find("[data-testid=start-submit]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=start-problem]").Count));
        var runs = await AppServices.GetRequiredService<IRunStore>().ListRunsAsync(new RunQuery(App.GateWorkflowId), 1, 10, CancellationToken.None);
        Assert.Equal(0, runs.Total);
    }

    [Fact]
    public async Task Start_ViewerReachingTheDialog_IsRefused()
    {
        // Arrange
        SignIn("viewer-1", DesignerRoles.Viewer);
        var (cut, _) = await OpenAsync();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=start-sample]")));

        // Act
        cut.FindAll("[data-testid=start-sample]")[0].Click();
        cut.Find("[data-testid=start-submit]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Only operators", cut.Find("[data-testid=start-problem]").TextContent, StringComparison.Ordinal));
        var runs = await AppServices.GetRequiredService<IRunStore>().ListRunsAsync(new RunQuery(App.GateWorkflowId), 1, 10, CancellationToken.None);
        Assert.Equal(0, runs.Total);
    }

    [Fact]
    public async Task Start_Issue18_RequiredErrorsGoAsTheFieldsAreFilled()
    {
        // Arrange: a failed attempt lists the five required fields.
        SignIn("operator-1", DesignerRoles.Operator);
        var (cut, _) = await OpenAsync();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=start-submit]")));
        cut.Find("[data-testid=start-submit]").Click();
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=start-problem]").Count));

        // Act
        cut.Find("[data-testid=start-field-amount] input, input[data-testid=start-field-amount]").Input("9500");

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=start-problem]").Count));
        Assert.DoesNotContain(cut.FindAll("[data-testid=start-problem]"), p => p.TextContent.Contains("Amount", StringComparison.Ordinal));
    }

    [Fact]
    public async Task JsonTab_Issue18_ShowsWhatTheFormHolds()
    {
        // Arrange
        SignIn("operator-1", DesignerRoles.Operator);
        var (cut, _) = await OpenAsync();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid^=start-field-]")));
        cut.Find("[data-testid=start-field-merchant] input, input[data-testid=start-field-merchant]").Input("Atlas Electronics");

        // Act
        cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("JSON", StringComparison.Ordinal)).Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Atlas Electronics", cut.Find("[data-testid=start-json] textarea, textarea[data-testid=start-json]").GetAttribute("value") ?? cut.Find("textarea").TextContent, StringComparison.Ordinal));
    }

    private async Task<(IRenderedComponent<ProvidersHost> Cut, IDialogReference Dialog)> OpenAsync()
    {
        var cut = Render<ProvidersHost>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await cut.InvokeAsync(async () => dialog = await dialogs.ShowAsync<StartRunDialog>(
            "Start a run", new DialogParameters<StartRunDialog> { { x => x.WorkflowId, App.GateWorkflowId } }));
        return (cut, dialog!);
    }
}
