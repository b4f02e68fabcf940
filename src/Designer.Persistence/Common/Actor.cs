namespace Designer.Persistence;

/// <summary>The user (or system principal) performing an action, as recorded in rows and audit entries.</summary>
/// <param name="Id">Stable identifier of the actor (e.g. the Identity user id).</param>
/// <param name="Name">Display name at the time of the action.</param>
public sealed record Actor(string Id, string Name);
