using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Web.Runs;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Runs;

/// <summary>
/// What one node did in a run: status, attempts, duration, cost, model scores and provider, retrieval evidence with
/// links to the documents, policy verdicts, SLO breaches, errors, and its redacted input and output.
/// </summary>
public sealed partial class NodeInspector
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>The node that was clicked; while it or <see cref="State"/> is null the panel asks for a click.</summary>
    [Parameter]
    public NodeDefinition? Node { get; set; }

    /// <summary>The node's state in the run.</summary>
    [Parameter]
    public NodeRunState? State { get; set; }

    /// <summary>Model details of the completion, when a model node produced them.</summary>
    private JsonObject? Model => State?.Data is { } data && data.ContainsKey("provider") ? data : null;

    /// <summary>The document's address: its payload's url, else the collections page for its id.</summary>
    private static string? DocumentLink(JsonObject hit) =>
        hit["payload"]?["url"]?.ToString() is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? url
            : hit["id"] is { } id ? $"/collections?document={Uri.EscapeDataString(id.ToString())}" : null;

    /// <summary>"by rule High-value fraud (fraud)" from "rule:fraud": the rule's name as the author wrote it.</summary>
    internal static string DecidedBy(NodeDefinition? node, JsonObject verdict)
    {
        var by = verdict["decidedBy"]?.ToString() ?? string.Empty;
        if (!by.StartsWith("rule:", StringComparison.Ordinal))
        {
            return by == "noMatch" ? "(no rule matched: the default verdict)" : $"by {by}";
        }

        var id = by["rule:".Length..];
        var name = (node?.Config["rules"] as JsonArray)?.OfType<JsonObject>()
            .FirstOrDefault(r => r["id"]?.ToString() == id)?["name"]?.ToString();
        return string.IsNullOrWhiteSpace(name) || name == id ? $"by rule {id}" : $"by rule “{name}” ({id})";
    }

    private static string Shorten(string? text) => text is { Length: > 140 } ? text[..139] + "…" : text ?? string.Empty;
}
