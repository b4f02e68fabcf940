using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// Evaluation datasets, offline evaluation jobs with their per-case results, and workflow failure budgets. Every
/// change that users make (create, add cases, start, cancel, set a budget) is audited in the same transaction.
/// </summary>
public interface IEvaluationStore
{
    /// <summary>Creates the next version of the named dataset with its cases; audited.</summary>
    Task<DatasetRecord> CreateDatasetAsync(string name, Guid workflowId, string? description, IReadOnlyList<NewDatasetCase> cases, Actor actor, CancellationToken cancellationToken);

    /// <summary>Datasets, newest first, optionally of one workflow.</summary>
    Task<IReadOnlyList<DatasetRecord>> ListDatasetsAsync(Guid? workflowId, CancellationToken cancellationToken);

    /// <summary>One dataset, or null.</summary>
    Task<DatasetRecord?> GetDatasetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A dataset's cases in number order.</summary>
    Task<IReadOnlyList<DatasetCaseRecord>> ListCasesAsync(Guid datasetId, CancellationToken cancellationToken);

    /// <summary>Appends cases to a dataset no evaluation has used; <see cref="OperationErrorKind.InvalidState"/> once used.</summary>
    Task<OperationResult<DatasetRecord>> AddCasesAsync(Guid datasetId, IReadOnlyList<NewDatasetCase> cases, Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// A reviewer fixes one case's expected End node while no evaluation has used the dataset (label source becomes
    /// <c>reviewer</c>); audited. <see cref="OperationErrorKind.NotFound"/> without such a case,
    /// <see cref="OperationErrorKind.InvalidState"/> once used (copy to a new version to change it).
    /// </summary>
    Task<OperationResult<DatasetCaseRecord>> RelabelCaseAsync(Guid datasetId, int number, string expectedEnd, Actor actor, CancellationToken cancellationToken);

    /// <summary>Creates a queued evaluation and freezes its dataset, in one transaction; audited.</summary>
    Task<OperationResult<EvaluationRecord>> CreateEvaluationAsync(NewEvaluation evaluation, Actor actor, CancellationToken cancellationToken);

    /// <summary>One evaluation, or null.</summary>
    Task<EvaluationRecord?> GetEvaluationAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>A workflow's evaluations, newest first, optionally only those of one candidate version.</summary>
    Task<IReadOnlyList<EvaluationRecord>> ListEvaluationsAsync(Guid workflowId, int? candidateVersion, CancellationToken cancellationToken);

    /// <summary>The oldest queued or running evaluation, or null.</summary>
    Task<EvaluationRecord?> NextUnfinishedEvaluationAsync(CancellationToken cancellationToken);

    /// <summary>Marks it running (again).</summary>
    Task MarkEvaluationRunningAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Stores one finished case and counts it, in one transaction; returns whether cancel was requested.</summary>
    Task<bool> RecordCaseAsync(Guid id, EvaluationCaseRecord result, double workSeconds, CancellationToken cancellationToken);

    /// <summary>Ends the evaluation.</summary>
    Task FinishEvaluationAsync(Guid id, EvaluationStatus status, string? error, CancellationToken cancellationToken);

    /// <summary>Requests a cancel (a queued job ends at once); audited. Null when unknown.</summary>
    Task<OperationResult<EvaluationRecord>> RequestCancelAsync(Guid id, Actor actor, CancellationToken cancellationToken);

    /// <summary>The stored per-case results, in case order.</summary>
    Task<IReadOnlyList<EvaluationCaseRecord>> ListCaseResultsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The workflow's failure budget, or null.</summary>
    Task<WorkflowBudgetRecord?> GetBudgetAsync(Guid workflowId, CancellationToken cancellationToken);

    /// <summary>Sets the workflow's failure budget; audited.</summary>
    Task<WorkflowBudgetRecord> SetBudgetAsync(WorkflowBudgetRecord budget, Actor actor, CancellationToken cancellationToken);

    /// <summary>Appends an audit entry about an evaluation matter (e.g. a refused approval).</summary>
    Task AuditAsync(Actor actor, string action, Guid workflowId, System.Text.Json.Nodes.JsonObject data, CancellationToken cancellationToken);
}
