using System.Text.Json.Nodes;
using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Model: a picker over the approved model versions when a model catalogue is registered, otherwise free-text id and
/// version; SLO, confidence, cost, or a chat model with a prompt template.
/// </summary>
public sealed partial class ModelForm : KindFormBase
{
    private IReadOnlyList<ModelVersionRef>? _models;

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
        public const string ChatEndpoint = "chatEndpoint";
        public const string ChatModel = "chatModel";
        public const string PromptTemplate = "promptTemplate";
    }
}
