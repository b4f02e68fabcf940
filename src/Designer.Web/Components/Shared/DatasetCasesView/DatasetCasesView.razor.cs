using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Evaluations;
using Designer.Web.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Shared;

/// <summary>
/// A dataset's cases (issue 13): input summary (redacted like the API shows it), expected outcome, expected fields,
/// tags and where the label came from. While no evaluation has used the dataset, authors and approvers fix a label
/// by picking another End node; once used it is immutable, the view says so and offers "Copy to change" (the copy is
/// the next version of the name, labels kept).
/// </summary>
public sealed partial class DatasetCasesView
{
    private const int SummaryFields = 4;
    private const int SummaryValueLength = 40;
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private DatasetRecord? _dataset;
    private IReadOnlyList<DatasetCaseRecord> _cases = [];
    private IReadOnlyList<string> _ends = [];
    private ClaimsPrincipal _user = new();
    private bool _notFound;
    private string? _message;
    private string? _error;
    private IReadOnlyList<OperationProblem>? _problems;

    /// <summary>Dataset whose cases are listed.</summary>
    [Parameter, EditorRequired]
    public Guid DatasetId { get; set; }

    [Inject]
    private IEvaluationStore Store { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private DatasetService Datasets => Services.GetRequiredService<DatasetService>();

    private bool MayEdit => DatasetService.MayEdit(_user);

    private bool CanRelabel => MayEdit && _dataset is { IsFrozen: false } && _ends.Count > 0;

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        _user = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _dataset = await Store.GetDatasetAsync(DatasetId, CancellationToken.None);
        _notFound = _dataset is null;
        if (_dataset is null)
        {
            return;
        }

        _cases = await Store.ListCasesAsync(DatasetId, CancellationToken.None);
        _ends = DatasetService.EndNodes(await Datasets.ReferenceAsync(_dataset.WorkflowId, CancellationToken.None));
    }

    private async Task RelabelAsync(int number, string? end)
    {
        _message = null;
        _error = null;
        _problems = null;
        var body = new JsonObject { ["expected"] = new JsonObject { ["end"] = end } };
        var result = await Datasets.RelabelAsync(_user, DatasetId, number, body, CancellationToken.None);
        if (result.IsSuccess)
        {
            _message = $"Case {number} is now labelled '{result.Value!.ExpectedEnd}'.";
        }
        else
        {
            _error = result.Error!.Detail;
            _problems = result.Error.Problems;
        }

        await LoadAsync();
    }

    private async Task CopyAsync()
    {
        _error = null;
        var result = await Datasets.CopyAsync(_user, DatasetId, CancellationToken.None);
        if (!result.IsSuccess)
        {
            _error = result.Error!.Detail;
            return;
        }

        Navigation.NavigateTo($"/datasets/{result.Value!.Id}");
    }

    /// <summary>The first fields of the input, masked as the API masks them, values shortened.</summary>
    private static string InputSummary(DatasetCaseRecord c)
    {
        if (ApiRedaction.Redact(JsonNode.Parse(c.InputJson)) is not JsonObject input)
        {
            return "–";
        }

        var parts = input.Take(SummaryFields).Select(p =>
        {
            var value = p.Value?.ToJsonString() ?? "null";
            return $"{p.Key}: {(value.Length > SummaryValueLength ? value[..SummaryValueLength] + "…" : value)}";
        });
        return string.Join(", ", parts) + (input.Count > SummaryFields ? $", … (+{input.Count - SummaryFields})" : string.Empty);
    }
}
