using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Workflows.Catalogue;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>The one-line "key config" a node body shows under its name.</summary>
internal static class NodeSummaries
{
    public static string For(NodeDefinition node) => node.Kind switch
    {
        NodeKinds.Start => Count(node.Config["inputSchema"]?["properties"] as JsonObject, "input field"),
        NodeKinds.Retrieval => $"{Text(node.Config, "collection", "no collection")} · top {Text(node.Config, "topK", "5")}",
        NodeKinds.Model => Text(node.Config, "model", null) is { } model
            ? $"{model} v{Text(node.Config, "modelVersion", "latest")}"
            : Text(node.Config, "chatModel", null) ?? "no model",
        NodeKinds.Policy => Count(node.Config["rules"] as JsonArray, "rule"),
        NodeKinds.HumanGate => $"{Text(node.Config, "assigneeRole", "approver")}" +
                               (Text(node.Config, "slaMinutes", null) is { } sla ? $" · SLA {sla} min" : string.Empty),
        NodeKinds.Condition => node.Config["cases"] is JsonArray { Count: > 0 } cases
            ? Count(cases, "case")
            : Text(node.Config, "expression", null) ?? "no expression",
        NodeKinds.End => Count(node.Config["outputMapping"] as JsonObject, "output"),
        _ => "unknown kind",
    };

    private static string? Text(JsonObject config, string key, string? fallback) =>
        config[key] switch
        {
            JsonValue value when value.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) => s,
            JsonValue value when KindFormBase.JsonNumber(value) is { } d => d.ToString(CultureInfo.InvariantCulture),
            _ => fallback,
        };

    private static string Count(JsonObject? items, string noun) => Count(items?.Count ?? 0, noun);

    private static string Count(JsonArray? items, string noun) => Count(items?.Count ?? 0, noun);

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
