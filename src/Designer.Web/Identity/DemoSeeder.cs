using Designer.Runtime.Actions;
using Designer.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Designer.Web.Identity;

/// <summary>
/// Creates the five roles always, and with <c>Designer:Demo:Seed</c> (default: Development only) one user per role plus the "Dispute triage"
/// draft. Runs after the database initialiser (hosted services start in registration order) and is idempotent.
/// The draft's auto-resolve branch calls the refund action only where the <see cref="DemoWorkflows.RefundConnection"/>
/// connection is configured (Development registers it with its demo receiver): elsewhere an action naming an unknown
/// connection would make the seeded draft fail validation, so it is seeded without the action.
/// </summary>
internal sealed partial class DemoSeeder(
    IServiceScopeFactory scopes, IOptions<DemoOptions> options, IOptions<ActionOptions> actions, IHostEnvironment environment,
    ILogger<DemoSeeder> logger) : IHostedService
{
    public const string DemoWorkflowName = "Dispute triage";
    private static readonly Actor SeedActor = new("system", "system");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in DesignerRoles.All.Append(DesignerRoles.PiiReader))
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (!options.Value.SeedsDemo(environment))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<DesignerUser>>();
        foreach (var role in DesignerRoles.All)
        {
            await EnsureUserAsync(users, role, options.Value.Password);
        }

        var store = scope.ServiceProvider.GetRequiredService<IWorkflowStore>();
        var existing = await store.ListWorkflowsAsync(1, 1, DemoWorkflowName, cancellationToken);
        if (existing.Total == 0)
        {
            var definition = actions.Value.Connections.ContainsKey(DemoWorkflows.RefundConnection)
                ? DemoWorkflows.DisputeTriageWithRefund()
                : DemoWorkflows.DisputeTriage();
            await store.CreateWorkflowAsync(
                definition.Name, definition.Description, WorkflowJson.Serialize(definition), SeedActor, cancellationToken);
            LogSeededWorkflow(logger, DemoWorkflowName);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureUserAsync(UserManager<DesignerUser> users, string role, string password)
    {
        var email = $"{role}@demo.local";
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new DesignerUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Demo {role}" };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {email} failed: {string.Join("; ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        LogSeededUser(logger, email, role);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo user {Email} ({Role})")]
    private static partial void LogSeededUser(ILogger logger, string email, string role);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded demo workflow {Name}")]
    private static partial void LogSeededWorkflow(ILogger logger, string name);
}
