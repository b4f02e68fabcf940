using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Identity;
using Designer.Workflows.Catalogue;
using Microsoft.Extensions.Options;

namespace Designer.Web.Batches;

/// <summary>
/// Uploads and reads batches (issue 16) for the API and the pages: every row is checked against the active version's
/// start schema first; any bad line refuses the whole file (every bad line listed, nothing stored or started) unless
/// the caller asked to skip bad rows.
/// </summary>
internal sealed class BatchService(IBatchStore store, IWorkflowStore workflows, BatchSignal signal, IOptions<BatchOptions> options)
{
    public BatchOptions Options => options.Value;

    public async Task<OperationResult<BatchResponse>> CreateAsync(
        ClaimsPrincipal user, Guid workflowId, string text, BatchFormat format, bool skipBadRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(text);
        if (await workflows.GetWorkflowAsync(workflowId, cancellationToken) is not { } workflow)
        {
            return OperationError.NotFound($"Workflow {workflowId} does not exist.");
        }

        if (workflow.ActiveVersion is not { } active
            || await workflows.GetVersionAsync(workflowId, active, cancellationToken) is not { } version
            || WorkflowJson.Parse(version.CanonicalJson) is not { IsWellFormed: true } parsed)
        {
            return OperationError.Conflict("The workflow has no active version; approve one before starting a batch.");
        }

        var schema = parsed.Definition!.Nodes.FirstOrDefault(n => n.Kind == NodeKinds.Start)?.Config["inputSchema"] as JsonObject;
        var parse = BatchFile.Read(text, format, schema, options.Value.MaxRows);
        if (parse.FileProblem is { } fileProblem)
        {
            return OperationError.Invalid(fileProblem, [new OperationProblem("batch.file", fileProblem, Field: "file")]);
        }

        if (parse.Problems.Count > 0 && (!skipBadRows || parse.Rows.Count == 0))
        {
            return Refusal(parse, skipBadRows);
        }

        var rows = parse.Rows.Select(r => new NewBatchRow(r.Line, r.Input.ToJsonString())).ToList();
        var created = await store.CreateAsync(workflowId, format == BatchFormat.Csv ? "csv" : "ndjson", parse.Problems.Count, rows, user.ToActor(), cancellationToken);
        if (!created.IsSuccess)
        {
            return OperationError.NotFound(created.Error.Detail);
        }

        signal.Wake();
        return BatchResponse.From(created.Value);
    }

    public async Task<BatchResponse?> GetAsync(Guid batchId, CancellationToken cancellationToken) =>
        await store.GetAsync(batchId, cancellationToken) is { } batch ? BatchResponse.From(batch) : null;

    public async Task<IReadOnlyList<BatchResponse>> ListAsync(Guid workflowId, CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(workflowId, 100, cancellationToken)).Select(BatchResponse.From)];

    public Task<IReadOnlyList<BatchRowRecord>> RowsAsync(Guid batchId, CancellationToken cancellationToken) => store.ListRowsAsync(batchId, cancellationToken);

    private OperationError Refusal(BatchParse parse, bool skipBadRows)
    {
        var listed = parse.Problems.Take(options.Value.MaxProblemsListed)
            .Select(p => new OperationProblem("batch.line", string.Create(CultureInfo.InvariantCulture, $"line {p.Line}: {p.Message}"), Field: string.Create(CultureInfo.InvariantCulture, $"line {p.Line}")))
            .ToList();
        var more = parse.Problems.Count - listed.Count;
        var detail = skipBadRows
            ? $"All {parse.Problems.Count:N0} rows are invalid; nothing was started."
            : $"{parse.Problems.Count:N0} of {parse.Problems.Count + parse.Rows.Count:N0} rows are invalid; nothing was started. Fix them, or send skipBadRows=true to start the valid rows."
              + (more > 0 ? $" The first {listed.Count:N0} are listed; {more:N0} more." : string.Empty);
        return new OperationError(OperationErrorKind.Unprocessable, detail, listed, new Dictionary<string, object?>
        {
            ["badLines"] = parse.Problems.Select(p => p.Line).Take(options.Value.MaxProblemsListed).ToList(),
            ["badLineCount"] = parse.Problems.Count,
            ["moreProblems"] = more,
        }, "Invalid rows");
    }
}
