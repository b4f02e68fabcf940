using System.Text.Json.Nodes;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Start: the run input schema (JSON Schema subset: an object of typed, optionally required fields).</summary>
public sealed partial class StartForm : KindFormBase
{
    private static readonly string[] Types = ["string", "number", "integer", "boolean", "object", "array"];
    private string? _newField;

    private sealed record InputField(string Name, string Type, bool Required);

    private JsonObject Schema => Config["inputSchema"] as JsonObject ?? new JsonObject { ["type"] = "object" };

    private IEnumerable<InputField> Fields
    {
        get
        {
            var required = (Schema["required"] as JsonArray)?.Select(n => n?.GetValue<string>()).ToHashSet() ?? [];
            return (Schema["properties"] as JsonObject ?? []).Select(p =>
                new InputField(p.Key, p.Value?["type"]?.GetValue<string>() ?? "string", required.Contains(p.Key)));
        }
    }

    private Task SetFieldAsync(string name, string type, bool required)
    {
        var schema = (JsonObject)Schema.DeepClone();
        schema["type"] = "object";
        var properties = schema["properties"] as JsonObject ?? [];
        properties[name] = new JsonObject { ["type"] = type };
        schema["properties"] = properties.DeepClone();
        var names = ((schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()) ?? []).Where(n => n != name).ToList();
        if (required)
        {
            names.Add(name);
        }

        schema["required"] = new JsonArray([.. names.Select(n => (JsonNode)JsonValue.Create(n))]);
        return SetAsync("inputSchema", schema);
    }

    private Task RemoveFieldAsync(string name)
    {
        var schema = (JsonObject)Schema.DeepClone();
        (schema["properties"] as JsonObject)?.Remove(name);
        var names = ((schema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()) ?? []).Where(n => n != name);
        schema["required"] = new JsonArray([.. names.Select(n => (JsonNode)JsonValue.Create(n))]);
        return SetAsync("inputSchema", schema);
    }

    private async Task AddFieldAsync()
    {
        var name = _newField?.Trim();
        _newField = null;
        if (!string.IsNullOrEmpty(name))
        {
            await SetFieldAsync(name, "string", required: false);
        }
    }
}
