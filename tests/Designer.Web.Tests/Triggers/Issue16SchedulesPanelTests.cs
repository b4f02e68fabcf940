using Bunit;
using Designer.Web.Components.Shared;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Triggers;
using Microsoft.Extensions.DependencyInjection;

namespace Designer.Web.Tests.Triggers;

/// <summary>Issue 16: the workflow page's schedules panel.</summary>
public sealed class Issue16SchedulesPanelTests : UiTestContext
{
    private const string ValidInput = """{"amount":10,"currency":"EUR","category":"quality","merchant":"Maple Books","description":"torn cover"}""";

    [Fact]
    public async Task Panel_Issue16_AddListsEveryProblemThenShowsNextOccurrencesDisableAndDeleteAfterConfirmation()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        AddScheduleServices();
        SignIn("operator-1", "operator");
        var cut = Render<SchedulesPanel>(p => p.Add(x => x.WorkflowId, id));

        // Act 1: nothing filled in (the demo's start schema wants five fields), then a valid schedule.
        cut.Find("[data-testid=schedule-create]").Click();
        var problems = cut.FindAll("[data-testid=problem]").Select(p => p.TextContent).ToList();
        cut.Find("[data-testid=schedule-name]").Change("nightly");
        cut.Find("[data-testid=schedule-cron]").Change("0 2 * * *");
        cut.Find("[data-testid=schedule-zone]").Change("Europe/Berlin");
        cut.Find("[data-testid=schedule-input]").Change(ValidInput);
        cut.Find("[data-testid=schedule-create]").Click();
        var next = cut.Find("[data-testid=schedule-next]").TextContent;

        // Act 2: disable, then delete (cancel once, then confirm).
        cut.Find("[data-testid=schedule-toggle]").Click();
        var stateAfterToggle = cut.Find("[data-testid=schedule-state]").TextContent;
        var nextWhenDisabled = cut.Find("[data-testid=schedule-next]").TextContent;
        cut.Find("[data-testid=schedule-delete]").Click();
        cut.Find("[data-testid=schedule-confirm-no]").Click();
        var rowsAfterCancel = cut.FindAll("[data-testid=schedule-row]").Count;
        cut.Find("[data-testid=schedule-delete]").Click();
        cut.Find("[data-testid=schedule-confirm-yes]").Click();

        // Assert
        Assert.Contains(problems, p => p.Contains("name is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cron is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("amount", StringComparison.Ordinal));
        Assert.Equal(3, next.Split(", ").Length);
        Assert.Equal("disabled", stateAfterToggle);
        Assert.Equal(string.Empty, nextWhenDisabled.Trim());
        Assert.Equal(1, rowsAfterCancel);
        Assert.Empty(cut.FindAll("[data-testid=schedule-row]"));
    }

    [Fact]
    public async Task Panel_Issue16_ViewerSeesSchedulesWithoutControls()
    {
        // Arrange
        var id = await SeedWorkflowAsync("author-1");
        AddScheduleServices();
        var store = AppServices.GetRequiredService<Designer.Persistence.IWorkflowScheduleStore>();
        var created = await store.CreateAsync(id, new Designer.Persistence.ScheduleDefinition("hourly", "0 * * * *", "UTC", ValidInput, true, "skip"),
            new Designer.Persistence.Actor("operator-1", "operator-1@demo.local"), CancellationToken.None);
        Assert.True(created.IsSuccess, created.Error?.Detail);
        SignIn("viewer-1", "viewer");

        // Act
        var cut = Render<SchedulesPanel>(p => p.Add(x => x.WorkflowId, id));

        // Assert
        Assert.Single(cut.FindAll("[data-testid=schedule-row]"));
        Assert.Empty(cut.FindAll("[data-testid=schedule-create]"));
        Assert.Empty(cut.FindAll("[data-testid=schedule-toggle]"));
    }

    private void AddScheduleServices()
    {
        Services.AddSingleton(AppServices.GetRequiredService<Designer.Persistence.IWorkflowScheduleStore>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddScoped<ScheduleService>();
    }
}
