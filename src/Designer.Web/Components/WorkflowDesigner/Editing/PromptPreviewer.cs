using System.Text.Json.Nodes;
using Designer.Runtime.ChatModels;
using Designer.Runtime.Expressions;
using Designer.Workflows.Catalogue;
using Designer.Workflows.Catalogue.Configs;
using Designer.Workflows.Expressions;

namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>
/// The prompt editor's preview and completion: renders through the runtime's sandbox and redaction
/// (<see cref="ChatPrompt"/>), and completes variable names from the validator's <see cref="VariableCatalogue"/>.
/// </summary>
internal static class PromptPreviewer
{
    /// <summary>Variables for the preview: the last run's input and node outputs when given, else sample input.</summary>
    public static (JsonObject Variables, string Source) Variables(WorkflowDefinition definition, JsonObject? lastInput, JsonObject? lastNodes)
    {
        var input = lastInput?.DeepClone().AsObject() ?? SampleInput(definition);
        var variables = new JsonObject
        {
            ["input"] = input,
            ["nodes"] = lastNodes?.DeepClone() ?? new JsonObject(),
            ["run"] = new JsonObject { ["id"] = "preview", ["attempt"] = 1 },
        };
        return (variables, lastInput is null ? "sample input from the start schema" : "the last run's variables");
    }

    /// <summary>A value per start-schema property: its default, first enum value, or a typed example.</summary>
    public static JsonObject SampleInput(WorkflowDefinition definition)
    {
        var start = definition.Nodes.FirstOrDefault(n => n.Kind == NodeKinds.Start);
        var sample = new JsonObject();
        foreach (var (name, schema) in (start?.Config["inputSchema"] as JsonObject)?["properties"] as JsonObject ?? [])
        {
            sample[name] = schema?["default"]?.DeepClone() ?? (schema?["enum"] as JsonArray)?.FirstOrDefault()?.DeepClone() ?? (schema?["type"]?.ToString() switch
            {
                "number" or "integer" => JsonValue.Create(KindFormBase.JsonNumber(schema?["minimum"]) ?? 1),
                "boolean" => JsonValue.Create(false),
                "array" => new JsonArray(),
                "object" => new JsonObject(),
                _ => JsonValue.Create($"<{name}>"),
            });
        }

        return sample;
    }

    /// <summary>Renders and masks the node's prompts; a failing placeholder becomes the preview's error, never an exception.</summary>
    public static PromptPreview Render(JsonObject config, JsonObject variables, string source, ExpressionSandbox sandbox)
    {
        if (!NodeConfigReader.TryRead<ModelConfig>(config, out var typed, out var readError, out _) || typed is null)
        {
            return new PromptPreview(null, null, readError ?? "The config cannot be read.", source, new Dictionary<string, int>());
        }

        try
        {
            var prompt = ChatPrompt.Build(typed, sandbox, variables);
            return new PromptPreview(prompt.System, prompt.User, null, source, prompt.Redaction.Counts);
        }
        catch (ExpressionException ex)
        {
            return new PromptPreview(null, null, ex.Message, source, new Dictionary<string, int>());
        }
    }

    /// <summary>
    /// Completions for the placeholder being typed at the end of <paramref name="template"/> (after an unclosed
    /// <c>{{</c>); every known variable when nothing is being typed.
    /// </summary>
    public static IReadOnlyList<string> Suggestions(string? template, VariableCatalogue catalogue)
    {
        var paths = catalogue.Paths();
        var partial = Partial(template);
        return partial is null ? paths : [.. paths.Where(p => p.StartsWith(partial, StringComparison.Ordinal) && p != partial)];
    }

    /// <summary>Completes the placeholder being typed with <paramref name="path"/>, or appends <c>{{path}}</c>.</summary>
    public static string Complete(string? template, string path)
    {
        template ??= string.Empty;
        var open = OpenPlaceholder(template);
        return open < 0 ? template + "{{" + path + "}}" : template[..(open + 2)] + path + "}}";
    }

    private static string? Partial(string? template)
    {
        if (template is null)
        {
            return null;
        }

        var open = OpenPlaceholder(template);
        return open < 0 ? null : template[(open + 2)..].TrimStart();
    }

    private static int OpenPlaceholder(string template)
    {
        var open = template.LastIndexOf("{{", StringComparison.Ordinal);
        return open >= 0 && template.IndexOf("}}", open, StringComparison.Ordinal) < 0 ? open : -1;
    }
}
