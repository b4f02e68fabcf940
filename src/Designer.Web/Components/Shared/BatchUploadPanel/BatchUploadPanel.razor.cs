using System.Globalization;
using Designer.Web.Batches;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace Designer.Web.Components.Shared;

/// <summary>
/// The workflow's batch runs (issue 16): admins and operators upload a CSV or NDJSON file (every bad line listed,
/// nothing started unless bad rows are skipped) and land on the batch page; every reader sees recent batches.
/// </summary>
public sealed partial class BatchUploadPanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private IReadOnlyList<BatchResponse> _batches = [];
    private string? _text;
    private BatchFormat _format;
    private bool _skipBadRows;
    private bool _busy;
    private string? _error;
    private IReadOnlyList<OperationProblem>? _problems;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private BatchService? Batches { get; set; }

    private bool CanUpload => IsAdminOrOperator;

    /// <inheritdoc />
    protected override async Task LoadAsync()
    {
        Batches = Services.GetService<BatchService>();
        if (Batches is not null)
        {
            _batches = await Batches.ListAsync(WorkflowId, CancellationToken.None);
        }
    }

    private async Task SelectAsync(InputFileChangeEventArgs args)
    {
        _error = null;
        _problems = null;
        _text = null;
        var file = args.File;
        var limit = Batches!.Options.MaxBodyBytes;
        if (file.Size > limit)
        {
            _error = $"The file is larger than {limit:N0} bytes, the most one batch may have; split it.";
            return;
        }

        _format = file.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || file.ContentType == "text/csv" ? BatchFormat.Csv : BatchFormat.Ndjson;
        await using var stream = file.OpenReadStream(limit);
        using var reader = new StreamReader(stream);
        _text = await reader.ReadToEndAsync();
    }

    private async Task UploadAsync()
    {
        _busy = true;
        try
        {
            var result = await Batches!.CreateAsync(User, WorkflowId, _text!, _format, _skipBadRows, CancellationToken.None);
            if (result.IsSuccess)
            {
                Navigation.NavigateTo($"/batches/{result.Value!.Id}");
                return;
            }

            _error = result.Error!.Detail;
            _problems = result.Error.Problems;
        }
        finally
        {
            _busy = false;
        }
    }
}
