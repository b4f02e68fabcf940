using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Model: a picker over the approved model versions when a model catalogue is registered, otherwise free-text id and
/// version; SLO, confidence, cost, or a governed chat model (picker over approved versions) with system prompt,
/// prompt template, output schema, fallbacks, budget and cache. No endpoint or key field: those are admin settings.
/// </summary>
public sealed partial class ModelForm : KindFormBase
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private IReadOnlyList<ModelVersionRef>? _models;
    private List<string>? _chatModels;
    private string? _schemaText;
    private string? _schemaError;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private string? SelectedModel => Str(Key.Model) is { } id ? $"{id}@{Int(Key.ModelVersion)}" : null;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        if (Services.GetService(typeof(IModelCatalogView)) is IModelCatalogView catalogue)
        {
            _models = await catalogue.ListApprovedAsync(CancellationToken.None);
        }

        if (Services.GetService(typeof(IChatModelRegistry)) is IChatModelRegistry chat)
        {
            _chatModels = [.. (await chat.ListAsync(CancellationToken.None)).Where(v => v.Status == ModelStatus.Approved).Select(v => v.Reference)];
        }
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        if (_schemaError is null)
        {
            _schemaText = Config[Key.OutputSchema]?.ToJsonString(Indented);
        }
    }

    private string? Fallbacks => Config[Key.FallbackModels] is JsonArray list ? string.Join(", ", list.Select(n => n?.ToString())) : null;

    private Task SetFallbacksAsync(string? text)
    {
        var items = (text ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return SetAsync(Key.FallbackModels, items.Length == 0 ? null : new JsonArray([.. items.Select(i => (JsonNode?)i)]));
    }

    // The schema is kept as typed text until it parses, so a half-typed schema is never written into the draft.
    private Task SetSchemaAsync(string? text)
    {
        _schemaText = text;
        if (string.IsNullOrWhiteSpace(text))
        {
            _schemaError = null;
            return SetAsync(Key.OutputSchema, null);
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject schema)
            {
                _schemaError = null;
                return SetAsync(Key.OutputSchema, schema);
            }

            _schemaError = "The schema must be a JSON object.";
        }
        catch (JsonException ex)
        {
            _schemaError = "Not JSON: " + ex.Message;
        }

        return Task.CompletedTask;
    }

    private Task PickAsync(string value)
    {
        var at = value.LastIndexOf('@');
        var copy = (JsonObject)Config.DeepClone();
        copy[Key.Model] = value[..at];
        copy[Key.ModelVersion] = int.Parse(value[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return ConfigChanged.InvokeAsync(copy);
    }

    private static class Key
    {
        public const string Model = "model";
        public const string ModelVersion = "modelVersion";
        public const string InputMapping = "inputMapping";
        public const string LatencySloMs = "latencySloMs";
        public const string OnSloBreach = "onSloBreach";
        public const string MinConfidence = "minConfidence";
        public const string CostPerCall = "costPerCall";
        public const string ChatModel = "chatModel";
        public const string PromptTemplate = "promptTemplate";
        public const string SystemPrompt = "systemPrompt";
        public const string OutputSchema = "outputSchema";
        public const string ConfidenceField = "confidenceField";
        public const string FallbackModels = "fallbackModels";
        public const string RunTokenBudget = "runTokenBudget";
        public const string CacheResponses = "cacheResponses";
        public const string RestorePlaceholders = "restorePlaceholders";
    }
}
