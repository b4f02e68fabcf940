using Designer.Persistence;
using Designer.Runtime.Runs;

namespace Designer.Runtime.Rollouts;

/// <summary>
/// Picks the version of a new run: an explicitly requested published version wins; otherwise an open canary
/// rollout sends its share of run keys to the candidate, an open shadow rollout keeps the active version and marks
/// its share for mirroring, and without a rollout the active version runs. A rolled-back, aborted or promoted
/// rollout is not open, so every run goes to the active version again.
/// </summary>
public sealed class RolloutRouter
{
    private readonly IRolloutStore _rollouts;
    private readonly IWorkflowStore _workflows;

    /// <summary>Creates the router.</summary>
    /// <param name="rollouts">Rollout storage.</param>
    /// <param name="workflows">Workflow storage.</param>
    public RolloutRouter(IRolloutStore rollouts, IWorkflowStore workflows)
    {
        _rollouts = rollouts;
        _workflows = workflows;
    }

    /// <summary>Routes a new run of <paramref name="workflow"/>.</summary>
    /// <param name="options">Run key and explicit version, if given.</param>
    public async Task<RunRoute> RouteAsync(WorkflowRecord workflow, RunStartOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (options?.Version is { } explicitVersion)
        {
            var version = await _workflows.GetVersionAsync(workflow.Id, explicitVersion, cancellationToken);
            return version is { Status: VersionStatus.Published }
                ? new RunRoute(explicitVersion)
                : new RunRoute(null, Problem: $"Version {explicitVersion} is not an approved version of this workflow.");
        }

        if (workflow.ActiveVersion is not { } active || await _rollouts.GetOpenAsync(workflow.Id, cancellationToken) is not { } rollout)
        {
            return new RunRoute(workflow.ActiveVersion);
        }

        // Without a key the start is not retryable anyway, so a fresh random key still draws with the right odds.
        var key = string.IsNullOrEmpty(options?.RunKey) ? Guid.NewGuid().ToString("N") : options.RunKey;
        if (!RolloutSplit.IsCandidate(rollout.Id, key, rollout.Percent))
        {
            return new RunRoute(active);
        }

        return rollout.Mode == RolloutModes.Shadow ? new RunRoute(active, rollout) : new RunRoute(rollout.CandidateVersion);
    }
}
