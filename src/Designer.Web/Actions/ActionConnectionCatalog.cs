using Designer.Runtime.Actions;
using Microsoft.Extensions.Options;

namespace Designer.Web.Actions;

/// <summary>The approved connections as the designer and the API show them (issue 16): names and base URLs only.</summary>
public sealed class ActionConnectionCatalog(IOptions<ActionOptions> options)
{
    /// <summary>Every configured connection, by name.</summary>
    /// <returns>The summaries, sorted by name.</returns>
    public IReadOnlyList<ActionConnectionSummary> List() =>
        [.. options.Value.Connections.OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ActionConnectionSummary(c.Key, c.Value.BaseUrl, [.. c.Value.AllowedMethods]))];

    /// <summary>Whether a connection of this name is configured.</summary>
    /// <param name="name">Connection name.</param>
    /// <returns>True when configured.</returns>
    public bool Exists(string name) => options.Value.Connections.ContainsKey(name);
}
