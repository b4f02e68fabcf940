using System.Globalization;
using Designer.Runtime.Evaluations;
using Designer.Web.Evaluations;
using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Models;

/// <summary>
/// Next to a model version waiting for approval: each published workflow version it would serve (pinned, or following
/// the latest approved version) with its latest evaluation against its workflow's failure budget (issue 13). Renders
/// nothing where the evaluation module is not registered.
/// </summary>
public sealed partial class ModelGatePanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private ModelGateStatus? _status;

    /// <summary>The model id.</summary>
    [Parameter, EditorRequired]
    public string Model { get; set; } = string.Empty;

    /// <summary>The model version under review.</summary>
    [Parameter, EditorRequired]
    public int Version { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _status = Services.GetService<ModelApprovalGate>() is { } gate
            ? await gate.StatusAsync(Model, Version, CancellationToken.None)
            : null;
    }

    private static string Wrong(SideMetrics m) => Shared.EvaluationGatePanel.WrongAutomatic(m);
}
