using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Runtime.Expressions;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Designer.Workflows.Expressions;
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
    private VariableCatalogue? _catalogue;
    private PromptPreview? _preview;
    private JsonObject? _lastInput;
    private JsonObject? _lastNodes;

    /// <summary>The workflow being edited; with <see cref="NodeId"/>, enables completion and the live preview.</summary>
    [Parameter]
    public WorkflowDefinition? Definition { get; set; }

    /// <summary>The model node being edited; completion offers the variables of the nodes before it.</summary>
    [Parameter]
    public string? NodeId { get; set; }

    /// <summary>The workflow's id, to preview over its last run's variables.</summary>
    [Parameter]
    public Guid? WorkflowId { get; set; }

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

        await LoadLastRunAsync();
        UpdatePreview();
    }

    // The newest run's input and node outputs make the preview realistic; without a run the start schema's sample is used.
    private async Task LoadLastRunAsync()
    {
        if (WorkflowId is not { } workflowId || Services.GetService(typeof(IRunStore)) is not IRunStore runs)
        {
            return;
        }

        var last = (await runs.ListRunsAsync(new RunQuery(WorkflowId: workflowId), 1, 1, CancellationToken.None)).Items is [var newest, ..] ? newest : null;
        if (last is null || JsonNode.Parse(last.InputJson) is not JsonObject input)
        {
            return;
        }

        var nodes = new JsonObject();
        foreach (var trace in await runs.ListTraceAsync(last.Id, 0, 1000, CancellationToken.None))
        {
            if (trace.Kind == Designer.Runtime.Tracing.TraceEventKinds.NodeCompleted && trace.NodeId is { } id && JsonNode.Parse(trace.Json)?["output"] is { } output)
            {
                nodes[id] = output.DeepClone();
            }
        }

        (_lastInput, _lastNodes) = (input, nodes);
    }

    private void UpdatePreview()
    {
        var isChat = Str(Key.ChatModel) is not null || Str(Key.PromptTemplate) is not null;
        _catalogue = isChat && Definition is not null && NodeId is not null ? VariableCatalogue.For(Definition, NodeId) : null;
        if (_catalogue is null || Definition is null)
        {
            _preview = null;
            return;
        }

        var (variables, source) = PromptPreviewer.Variables(Definition, _lastInput, _lastNodes);
        var sandbox = Services.GetService(typeof(ExpressionSandbox)) as ExpressionSandbox ?? new ExpressionSandbox();
        _preview = PromptPreviewer.Render(Config, variables, source, sandbox);
    }

    private Task CompleteAsync(string path) => SetAsync(Key.PromptTemplate, PromptPreviewer.Complete(Str(Key.PromptTemplate), path));

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        if (_schemaError is null)
        {
            _schemaText = Config[Key.OutputSchema]?.ToJsonString(Indented);
        }

        UpdatePreview();
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
        public const string ConfidenceFromLogprobs = "confidenceFromLogprobs";
    }
}
