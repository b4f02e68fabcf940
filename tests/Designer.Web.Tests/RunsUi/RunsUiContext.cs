using Designer.Persistence;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Bunit;
using Designer.Runtime.Hosting;
using Designer.Runtime.Runs;
using Designer.Runtime.Tracing;
using Designer.Web.Identity;
using Designer.Web.Runs;
using Designer.Web.Tests.Infrastructure;
using Designer.Web.Tests.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace Designer.Web.Tests.RunsUi;

/// <summary>
/// bUnit over the whole running app (SQLite, Orleans silo, runtime, inference): components get the app's own
/// services, runs are started and decided through the real API, and only the signed-in user is a test double.
/// </summary>
public abstract class RunsUiContext : BunitContext, IAsyncLifetime
{
    protected static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(60);
    private RunApiFixture? _app;

    protected RunApiFixture App => _app ?? throw new InvalidOperationException("Not initialised.");

    protected IServiceProvider AppServices => App.Factory.Services;

    /// <summary>The app under test: SQLite unless a subclass picks PostgreSQL.</summary>
    protected virtual RunApiFixture CreateApp() => new SqliteRunApiFixture();

    public virtual async ValueTask InitializeAsync()
    {
        _app = CreateApp();
        await _app.InitializeAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(AppServices.GetRequiredService<IRunStore>());
        Services.AddSingleton(AppServices.GetRequiredService<IWorkflowStore>());
        Services.AddSingleton(CreateNotifier());
        Services.AddSingleton(AppServices.GetRequiredService<IOptions<RuntimeOptions>>());
        Services.AddSingleton(AppServices.GetRequiredService<TimeProvider>());
        Services.AddSingleton(AppServices.GetRequiredService<IGrainFactory>());
        Services.AddSingleton(AppServices.GetRequiredService<RunService>());
        Services.AddSingleton(AppServices.GetRequiredService<InboxQueries>());
        Services.AddSingleton(AppServices.GetRequiredService<TaskDecisionService>());
        Services.AddSingleton(AppServices.GetRequiredService<RunAnalytics>());
    }

    /// <summary>
    /// The notifier the components subscribe to: the app's own by default; a subclass may hand them one the app never
    /// publishes on, which is what a page on another silo than the run's sees.
    /// </summary>
    protected virtual ITraceNotifier CreateNotifier() => AppServices.GetRequiredService<ITraceNotifier>();

    /// <summary>Signs in a demo-like user with these roles; call it before rendering.</summary>
    protected void SignIn(string id, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{id}@demo.local");
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
        string[] policies =
        [
            DesignerPolicies.Read,
            .. roles.Contains(DesignerRoles.Operator) ? [DesignerPolicies.Operate] : Array.Empty<string>(),
            .. roles.Contains(DesignerRoles.Approver) ? [DesignerPolicies.Approve] : Array.Empty<string>(),
        ];
        auth.SetPolicies(policies);
        // Live components start their feed only once interactive, as on a real circuit (this freezes the services).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    /// <summary>A node's status as the run page lists it (from the trace, not the canvas).</summary>
    protected static string? Status(IRenderedComponent<ProvidersHost> cut, string nodeId) =>
        cut.Find($"[data-testid=node-statuses] [data-node-id={nodeId}]").GetAttribute("data-status");

    /// <summary>Starts a run of the gate-only workflow through the API; returns its id.</summary>
    protected async Task<Guid> StartGateRunAsync(double amount)
    {
        var operatorClient = await App.ClientAsync(DesignerRoles.Operator);
        var response = await operatorClient.PostAsJsonAsync($"/api/workflows/{App.GateWorkflowId}/runs", new { input = RunApiFixture.Input(amount) });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["runId"]!.GetValue<Guid>();
    }

    /// <summary>Waits until the run has this status (read through the store, not the component under test).</summary>
    protected async Task<RunRecord> WaitForRunAsync(Guid runId, RunStatus status)
    {
        var store = AppServices.GetRequiredService<IRunStore>();
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            var run = await store.GetRunAsync(runId, CancellationToken.None);
            if (run?.Status == status || DateTime.UtcNow > deadline)
            {
                Assert.Equal(status, run?.Status);
                return run!;
            }

            await Task.Delay(20);
        }
    }

    /// <summary>The run's pending task.</summary>
    protected async Task<HumanTaskRecord> PendingTaskAsync(Guid runId)
    {
        var tasks = await AppServices.GetRequiredService<IRunStore>().ListTasksAsync(HumanTaskStatus.Pending, runId, 1, 10, CancellationToken.None);
        return Assert.Single(tasks.Items);
    }

    /// <summary>Decides a task through the API as the demo approver (a decision made elsewhere).</summary>
    protected async Task DecideThroughApiAsync(Guid taskId, string decision)
    {
        var approver = await App.ClientAsync(DesignerRoles.Approver);
        var response = await approver.PostJsonAsync($"/api/tasks/{taskId}/decision", new { decision, comment = "from elsewhere" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
