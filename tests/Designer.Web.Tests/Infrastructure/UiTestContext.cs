using System.Security.Claims;
using Bunit;
using Designer.Persistence;
using Designer.Web.Identity;
using Designer.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;

namespace Designer.Web.Tests.Infrastructure;

/// <summary>
/// A bUnit context over the real application services and a real SQLite database in a temp folder; only the
/// signed-in user is a test double.
/// </summary>
public abstract class UiTestContext : BunitContext, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "designer-ui-tests", Guid.NewGuid().ToString("N"));
    private IHost? _host;

    protected IServiceProvider AppServices => _host!.Services;

    public virtual async ValueTask InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration["Designer:DataDirectory"] = _dataDirectory;

        // Pages are exercised with the fast project-trained embedding model; the pretrained default (issue 11) has its
        // own tests, and extracting its ~90 MB into every test host would only slow the suite.
        builder.Configuration["Designer:Inference:BootstrapPretrainedModels"] = "false";
        builder.Configuration["Designer:Retrieval:DefaultEmbeddingModel"] = "designer-lsa";
        builder.AddDesignerPersistence();
        ConfigureAppHost(builder);
        _host = builder.Build();
        await _host.StartAsync();

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new WorkflowValidator());
        Services.AddSingleton(AppServices.GetRequiredService<IWorkflowStore>());
        Services.AddSingleton(AppServices.GetRequiredService<IAuditLog>());
        Services.AddScoped<WorkflowService>();
        Services.AddScoped<VersionService>();
    }

    /// <summary>Adds modules a page needs beyond persistence (e.g. inference) to the real application host.</summary>
    protected virtual void ConfigureAppHost(HostApplicationBuilder builder)
    {
    }

    /// <summary>Signs in a user with the given id and roles, and grants the policies those roles grant.</summary>
    protected ClaimsPrincipal SignIn(string id, params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized($"{id}@demo.local");
        auth.SetRoles(roles);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, id));
        var policies = new List<string> { DesignerPolicies.Read };
        if (roles.Contains(DesignerRoles.Author)) policies.Add(DesignerPolicies.Author);
        if (roles.Contains(DesignerRoles.Approver)) policies.Add(DesignerPolicies.Approve);
        if (roles.Any(r => r is DesignerRoles.Approver or DesignerRoles.Viewer or DesignerRoles.Admin)) policies.Add(DesignerPolicies.Audit);
        auth.SetPolicies([.. policies]);
        // Pages load their data only once interactive, as on a real circuit (this freezes the services).
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, $"{id}@demo.local"), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "test");
        return new ClaimsPrincipal(identity);
    }

    /// <summary>Creates a workflow whose draft is the demo definition, authored by <paramref name="authorId"/>.</summary>
    protected async Task<Guid> SeedWorkflowAsync(string authorId, string name = "Dispute triage")
    {
        var store = AppServices.GetRequiredService<IWorkflowStore>();
        var definition = DemoWorkflows.DisputeTriage();
        definition.Name = name;
        var created = await store.CreateWorkflowAsync(name, null, WorkflowJson.Serialize(definition), new Actor(authorId, $"{authorId}@demo.local"), CancellationToken.None);
        return created.Workflow.Id;
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans temp.
        }

        GC.SuppressFinalize(this);
    }
}
