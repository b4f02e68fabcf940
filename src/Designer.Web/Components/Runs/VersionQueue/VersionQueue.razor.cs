using System.Security.Claims;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Runs;

/// <summary>
/// For approvers, the workflow versions waiting for review: the inbox said "No tasks" while a version waited, and
/// approvers had to find it by opening each workflow (issue 18).
/// </summary>
public sealed partial class VersionQueue
{
    private IReadOnlyList<PendingVersion>? _pending;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IWorkflowStore Workflows { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        var user = (await AuthenticationState).User;
        if (!user.IsInRole(DesignerRoles.Approver))
        {
            return;
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var pending = new List<PendingVersion>();
        var workflows = await Workflows.ListWorkflowsAsync(1, Paging.MaxPageSize, null, CancellationToken.None);
        foreach (var workflow in workflows.Items.Where(w => w.LatestVersionStatus == VersionStatus.PendingApproval))
        {
            var versions = await Workflows.ListVersionsAsync(workflow.Id, 1, 1, CancellationToken.None);
            if (versions.Items is [{ Status: VersionStatus.PendingApproval } version, ..])
            {
                pending.Add(new PendingVersion(workflow.Id, workflow.Name, version.Number, version.AuthorName, version.CreatedAt, version.AuthorId == userId));
            }
        }

        _pending = [.. pending.OrderBy(p => p.SubmittedAt)];
    }

    private sealed record PendingVersion(Guid WorkflowId, string WorkflowName, int Number, string AuthorName, DateTimeOffset SubmittedAt, bool IsOwn);
}
