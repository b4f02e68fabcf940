using System.Text.Json.Nodes;
using Designer.Hosting;

namespace Designer.Persistence;

/// <summary>
/// Workflows, their drafts and their versions, with optimistic concurrency and the approval lifecycle.
/// Every governance action (create, import, submit, approve, reject, activate) writes its audit entry in the same
/// transaction as the change. Role checks belong to the caller; the four-eyes rule (the author cannot approve) is here.
/// </summary>
public interface IWorkflowStore
{
    /// <summary>Creates a workflow with an initial draft and audits <c>workflow.created</c>.</summary>
    /// <param name="name">Display name, 1..200 characters.</param>
    /// <param name="draftJson">Initial draft definition JSON.</param>
    /// <returns>The workflow and its draft (with the ETag for the first save).</returns>
    /// <exception cref="ArgumentException">The name is empty or too long, or an argument is missing.</exception>
    Task<CreatedWorkflow> CreateWorkflowAsync(string name, string? description, string draftJson, Actor actor, CancellationToken cancellationToken);

    /// <summary>Like <see cref="CreateWorkflowAsync"/>, but audits <c>workflow.imported</c> with <paramref name="auditData"/>.</summary>
    /// <param name="name">Display name, 1..200 characters.</param>
    /// <param name="draftJson">Imported definition JSON, stored as the draft.</param>
    /// <param name="auditData">Optional details for the audit entry (e.g. the source).</param>
    /// <returns>The workflow and its draft.</returns>
    Task<CreatedWorkflow> ImportWorkflowAsync(string name, string? description, string draftJson, Actor actor, JsonObject? auditData, CancellationToken cancellationToken);

    /// <summary>Gets a workflow's metadata.</summary>
    /// <returns>The workflow, or null when it does not exist.</returns>
    Task<WorkflowRecord?> GetWorkflowAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Lists workflows, most recently changed first.</summary>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Page size, 1..<see cref="Paging.MaxPageSize"/>.</param>
    /// <param name="search">Optional case-insensitive substring of the name or description.</param>
    Task<Page<WorkflowSummary>> ListWorkflowsAsync(int page, int pageSize, string? search, CancellationToken cancellationToken);

    /// <summary>Gets a workflow's draft.</summary>
    /// <param name="id">Workflow id.</param>
    /// <returns>The draft, or null when the workflow does not exist.</returns>
    Task<DraftRecord?> GetDraftAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Saves the draft if <paramref name="expectedETag"/> is current; the ETag changes on every save. Not audited.</summary>
    /// <param name="id">Workflow id.</param>
    /// <param name="draftJson">The new draft definition JSON.</param>
    /// <param name="expectedETag">The ETag the editor loaded.</param>
    /// <returns>Saved (new ETag), Conflict (current ETag; nothing written) or NotFound.</returns>
    Task<SaveDraftResult> SaveDraftAsync(Guid id, string draftJson, string expectedETag, Actor actor, CancellationToken cancellationToken);

    /// <summary>
    /// Freezes the draft into version N = previous highest + 1, status <see cref="VersionStatus.PendingApproval"/>,
    /// and audits <c>version.submitted</c>. Concurrent submits are serialised and get distinct numbers.
    /// </summary>
    /// <param name="id">Workflow id.</param>
    /// <param name="canonicalJson">Canonical JSON of the draft (computed by the caller).</param>
    /// <param name="contentHash">Content hash of <paramref name="canonicalJson"/>.</param>
    /// <param name="expectedDraftETag">The draft ETag the canonical JSON was computed from; stale → Conflict.</param>
    /// <param name="author">The submitter, who becomes the version's author.</param>
    /// <param name="auditData">Optional extra details for the audit entry (the store adds <c>version</c> and <c>contentHash</c>).</param>
    /// <returns>The new version, or NotFound / Conflict.</returns>
    Task<OperationResult<VersionRecord>> SubmitVersionAsync(Guid id, string canonicalJson, string contentHash, string expectedDraftETag, Actor author, JsonObject? auditData, CancellationToken cancellationToken);

    /// <summary>Gets one version, including its canonical JSON.</summary>
    /// <param name="id">Workflow id.</param>
    /// <returns>The version, or null.</returns>
    Task<VersionRecord?> GetVersionAsync(Guid id, int number, CancellationToken cancellationToken);

    /// <summary>Lists a workflow's versions, newest first.</summary>
    /// <param name="id">Workflow id.</param>
    /// <param name="page">1-based page number.</param>
    /// <param name="pageSize">Page size, 1..<see cref="Paging.MaxPageSize"/>.</param>
    /// <returns>The page (empty when the workflow does not exist).</returns>
    Task<Page<VersionSummary>> ListVersionsAsync(Guid id, int page, int pageSize, CancellationToken cancellationToken);

    /// <summary>
    /// Approves a <see cref="VersionStatus.PendingApproval"/> version: it becomes <see cref="VersionStatus.Published"/>
    /// and the workflow's active version; audits <c>version.approved</c>.
    /// </summary>
    /// <param name="id">Workflow id.</param>
    /// <param name="approver">The approver; must not be the author (SelfApproval).</param>
    /// <returns>The published version, or NotFound / InvalidState / SelfApproval / Conflict.</returns>
    Task<OperationResult<VersionRecord>> ApproveVersionAsync(Guid id, int number, Actor approver, string? comment, CancellationToken cancellationToken);

    /// <summary>Rejects a <see cref="VersionStatus.PendingApproval"/> version with a required comment; audits <c>version.rejected</c>.</summary>
    /// <param name="id">Workflow id.</param>
    /// <param name="reviewer">The reviewer (the author may reject, i.e. withdraw, their own version).</param>
    /// <param name="comment">Why; must not be empty (Invalid).</param>
    /// <returns>The rejected version, or NotFound / InvalidState / Invalid / Conflict.</returns>
    Task<OperationResult<VersionRecord>> RejectVersionAsync(Guid id, int number, Actor reviewer, string comment, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a <see cref="VersionStatus.Published"/> version the active one (rollback or roll-forward); audits
    /// <c>version.activated</c>. Activating the version that is already active changes nothing and is not audited.
    /// </summary>
    /// <param name="id">Workflow id.</param>
    /// <param name="actor">Who activates (the caller checks the role).</param>
    /// <returns>The workflow with its new active version, or NotFound / InvalidState / Conflict.</returns>
    Task<OperationResult<WorkflowRecord>> ActivateVersionAsync(Guid id, int number, Actor actor, CancellationToken cancellationToken);
}
