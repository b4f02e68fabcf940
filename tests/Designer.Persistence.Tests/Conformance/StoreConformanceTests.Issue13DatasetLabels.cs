using Designer.Hosting;

namespace Designer.Persistence.Tests.Conformance;

/// <summary>Issue 13 item 1: a reviewer fixes a dataset case's label while no evaluation has used the dataset.</summary>
public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task RelabelCase_Issue13_ChangedAndAuditedWhileUnusedRefusedOnceUsedMissingNotFound()
    {
        // Arrange
        var storage = Storage;
        var store = new EvaluationStore(storage.Contexts, TimeProvider.System);
        var created = await CreateAsync(storage, "Issue13 relabel " + Guid.NewGuid().ToString("N")[..6]);
        var dataset = await store.CreateDatasetAsync("relabel-" + Guid.NewGuid().ToString("N")[..6], created.Workflow.Id, null,
        [
            new NewDatasetCase("{}", "auto", null, [], null, "outcome"),
            new NewDatasetCase("{}", "auto", null, ["critical"], Guid.NewGuid(), "human"),
        ], Alice, Ct);

        // Act: fix case 2, a case that does not exist, then an evaluation freezes the dataset.
        var fixedCase = await store.RelabelCaseAsync(dataset.Id, 2, "analyst", Bob, Ct);
        var missing = await store.RelabelCaseAsync(dataset.Id, 3, "analyst", Bob, Ct);
        var evaluation = await store.CreateEvaluationAsync(new NewEvaluation(created.Workflow.Id, dataset.Id, null, "sha256:x", "{}", null, null, null), Alice, Ct);
        var late = await store.RelabelCaseAsync(dataset.Id, 1, "blocked", Bob, Ct);
        var cases = await store.ListCasesAsync(dataset.Id, Ct);
        var audit = await storage.Audit.ListAsync(1, 50, dataset.Id.ToString(), Ct);

        // Assert
        Assert.True(fixedCase.IsSuccess, fixedCase.Error?.Detail);
        Assert.Equal(("analyst", EvaluationStore.ReviewerLabelSource), (fixedCase.Value.ExpectedEnd, fixedCase.Value.LabelSource));
        Assert.Equal(OperationErrorKind.NotFound, missing.Error?.Kind);
        Assert.True(evaluation.IsSuccess, evaluation.Error?.Detail);
        Assert.Equal(OperationErrorKind.InvalidState, late.Error?.Kind);
        Assert.Equal(new[] { "auto", "analyst" }, cases.Select(c => c.ExpectedEnd));
        Assert.Equal(new[] { "critical" }, cases[1].Tags);
        var entry = Assert.Single(audit.Items, e => e.Action == EvaluationAuditActions.DatasetCaseRelabelled);
        Assert.Equal(Bob.Id, entry.ActorId);
        Assert.Contains("\"previousExpectedEnd\":\"auto\"", entry.DataJson, StringComparison.Ordinal);
    }
}
