namespace Designer.Persistence;

/// <summary>Audit actions of datasets, evaluations and failure budgets.</summary>
public static class EvaluationAuditActions
{
    /// <summary>A dataset (version) was created.</summary>
    public const string DatasetCreated = "dataset.created";

    /// <summary>Cases were added to an unused dataset.</summary>
    public const string DatasetCasesAdded = "dataset.cases-added";

    /// <summary>A reviewer fixed a case's label in an unused dataset.</summary>
    public const string DatasetCaseRelabelled = "dataset.case-relabelled";

    /// <summary>An evaluation was started (its dataset is frozen from then on).</summary>
    public const string EvaluationStarted = "evaluation.started";

    /// <summary>An evaluation was cancelled.</summary>
    public const string EvaluationCancelled = "evaluation.cancelled";

    /// <summary>A workflow's failure budget was set.</summary>
    public const string BudgetSet = "workflow.budget-set";

    /// <summary>Approval of a version was refused for want of a passing evaluation.</summary>
    public const string ApprovalRefused = "version.approval-refused";

    /// <summary>Approval of a model version was refused: a published workflow version using it lacks a passing evaluation.</summary>
    public const string ModelApprovalRefused = "model.approval-refused";

    /// <summary>A version's approval passed the evaluation gate (written just before the approval itself).</summary>
    public const string EvaluationGatePassed = "version.evaluation-gate-passed";
}
