using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Runs;

/// <summary>
/// Rollouts a guard rolled back that concern the signed-in user (they approved the rolled-back version or started
/// the rollout), issue 13: the webhook reaches the team's channel, this reaches the person in the app.
/// </summary>
public sealed partial class RollbackNotices
{
    /// <summary>How far back notices are shown.</summary>
    public const int DaysShown = 7;

    private const int MaxShown = 10;
    private IReadOnlyList<RolloutRecord>? _notices;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IRolloutStore Rollouts { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        var userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(userId))
        {
            return;
        }

        _notices = await Rollouts.ListRolledBackForUserAsync(userId, Time.GetUtcNow().AddDays(-DaysShown), MaxShown, CancellationToken.None);
    }
}
