namespace Designer.Web.Actions;

/// <summary>What authors may see of an approved connection: never its secret.</summary>
/// <param name="Name">Connection name, used in an action node's config.</param>
/// <param name="BaseUrl">The base URL every call resolves under.</param>
/// <param name="AllowedMethods">Methods allowed on it; empty means every method an action may use.</param>
public sealed record ActionConnectionSummary(string Name, string BaseUrl, IReadOnlyList<string> AllowedMethods);
