using Microsoft.EntityFrameworkCore;

namespace Designer.Web.Runs;

/// <summary>The inbox's read side: pending tasks assigned to any of a user's roles, oldest first.</summary>
public sealed class InboxQueries
{
    /// <summary>Most tasks the inbox shows at once.</summary>
    public const int MaxTasks = 200;

    private readonly IDbContextFactory<DesignerDbContext> _contexts;

    /// <summary>Creates the queries.</summary>
    public InboxQueries(IDbContextFactory<DesignerDbContext> contexts) => _contexts = contexts;

    /// <summary>Pending tasks for these roles.</summary>
    /// <param name="roles">The user's roles.</param>
    /// <returns>The tasks, oldest first.</returns>
    public async Task<IReadOnlyList<HumanTaskRecord>> PendingAsync(IReadOnlyCollection<string> roles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
        var tasks = await db.HumanTasks.AsNoTracking()
            .Where(t => t.Status == HumanTaskStatus.Pending && roles.Contains(t.Role))
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Take(MaxTasks)
            .ToListAsync(cancellationToken);
        return [.. tasks.Select(HumanTaskRecord.From)];
    }
}
