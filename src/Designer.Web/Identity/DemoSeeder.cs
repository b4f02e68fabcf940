using System.Text.Json.Nodes;
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
        Guid id;
        if (existing.Items is [var found, ..])
        {
            id = found.Id;
        }
        else
        {
            var definition = DemoDefinition();
            var created = await store.CreateWorkflowAsync(
                definition.Name, definition.Description, WorkflowJson.Serialize(definition), SeedActor, cancellationToken);
            id = created.Workflow.Id;
            LogSeededWorkflow(logger, DemoWorkflowName);
        }

        if (options.Value.SeedsVersions(environment))
        {
            await SeedVersionsAsync(store, users, id, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private WorkflowDefinition DemoDefinition() => actions.Value.Connections.ContainsKey(DemoWorkflows.RefundConnection)
        ? DemoWorkflows.DisputeTriageWithRefund()
        : DemoWorkflows.DisputeTriage();

    /// <summary>
    /// v1 (the seeded draft, approved by the demo approver, hence active) and v2 (the stricter policy, submitted by the
    /// demo author, pending approval). Only while the workflow has no version and its draft is the seeded one: a demo
    /// someone has already worked on is left alone, and a second start changes nothing.
    /// </summary>
    private async Task SeedVersionsAsync(IWorkflowStore store, UserManager<DesignerUser> users, Guid id, CancellationToken cancellationToken)
    {
        if ((await store.ListVersionsAsync(id, 1, 1, cancellationToken)).Total > 0
            || await store.GetDraftAsync(id, cancellationToken) is not { } draft
            || WorkflowJson.Parse(draft.DefinitionJson) is not { IsWellFormed: true, Definition: { } v1 }
            || ContentHash.Compute(v1) != ContentHash.Compute(DemoDefinition())
            || await users.FindByEmailAsync($"{DesignerRoles.Author}@demo.local") is not { } authorUser
            || await users.FindByEmailAsync($"{DesignerRoles.Approver}@demo.local") is not { } approverUser)
        {
            return;
        }

        var author = new Actor(authorUser.Id, authorUser.UserName ?? authorUser.Id);
        var approver = new Actor(approverUser.Id, approverUser.UserName ?? approverUser.Id);
        var submitted = await SubmitAsync(store, id, v1, draft.ETag, author, cancellationToken);
        if (submitted is null
            || await store.ApproveVersionAsync(id, submitted.Number, approver, "Seeded demo v1.", cancellationToken) is not { IsSuccess: true })
        {
            LogVersionsNotSeeded(logger, DemoWorkflowName);
            return;
        }

        var v2 = DemoWorkflows.WithStricterPolicy(DemoDefinition());
        if (await store.GetDraftAsync(id, cancellationToken) is not { } current
            || await store.SaveDraftAsync(id, WorkflowJson.Serialize(v2), current.ETag, author, cancellationToken) is not SaveDraftResult.Saved saved
            || await SubmitAsync(store, id, v2, saved.ETag, author, cancellationToken) is null)
        {
            LogVersionsNotSeeded(logger, DemoWorkflowName);
            return;
        }

        LogSeededVersions(logger, DemoWorkflowName, DemoWorkflows.StricterRiskThreshold);
    }

    private static async Task<VersionRecord?> SubmitAsync(
        IWorkflowStore store, Guid id, WorkflowDefinition definition, string draftETag, Actor author, CancellationToken cancellationToken)
    {
        var audit = new JsonObject { ["nodes"] = definition.Nodes.Count, ["edges"] = definition.Edges.Count, ["seeded"] = true };
        var result = await store.SubmitVersionAsync(
            id, CanonicalJson.Serialize(definition), ContentHash.Compute(definition), draftETag, author, audit, cancellationToken);
        return result.IsSuccess ? result.Value : null;
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Name} v1 (active) and the stricter v2 (high-risk over {Threshold}, pending approval)")]
    private static partial void LogSeededVersions(ILogger logger, string name, double threshold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seeding the versions of {Name} stopped part-way; the demo keeps what was stored")]
    private static partial void LogVersionsNotSeeded(ILogger logger, string name);
}
