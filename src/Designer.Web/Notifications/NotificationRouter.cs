using Microsoft.Extensions.Options;

namespace Designer.Web.Notifications;

/// <summary>
/// Routes run events to the configured subscribers (issue 16), for <see cref="Persistence.RunStore"/> to write the
/// outbox rows in the status change's transaction. Built once from the options: the run's hot path does one lookup.
/// </summary>
internal sealed class NotificationRouter : Persistence.IRunNotificationRouter
{
    private readonly Dictionary<string, List<(string Name, HashSet<Guid> Workflows)>> _byType = new(StringComparer.Ordinal);

    public NotificationRouter(IOptions<NotificationOptions> options)
    {
        foreach (var (name, subscriber) in options.Value.Subscribers.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            var types = subscriber.Events.Count == 0 ? Persistence.NotificationEventTypes.All : subscriber.Events;
            foreach (var type in types.Distinct(StringComparer.Ordinal))
            {
                if (!_byType.TryGetValue(type, out var list))
                {
                    _byType[type] = list = [];
                }

                list.Add((name, [.. subscriber.WorkflowIds]));
            }
        }
    }

    public IReadOnlyList<string> SubscribersFor(string eventType, Guid workflowId)
    {
        if (!_byType.TryGetValue(eventType, out var subscribers))
        {
            return [];
        }

        return [.. subscribers.Where(s => s.Workflows.Count == 0 || s.Workflows.Contains(workflowId)).Select(s => s.Name)];
    }
}
