namespace Designer.Persistence;

/// <summary>
/// Which notification subscribers want a run event (issue 16). When one is given to <see cref="RunStore"/>, the
/// outbox rows of an event are written in the same transaction as the run's status change, so a crash never loses
/// an event; without one (or with no subscriber) the status change costs nothing extra.
/// </summary>
public interface IRunNotificationRouter
{
    /// <summary>Names of the subscribers of <paramref name="eventType"/> for runs of <paramref name="workflowId"/>; empty when none.</summary>
    IReadOnlyList<string> SubscribersFor(string eventType, Guid workflowId);
}
