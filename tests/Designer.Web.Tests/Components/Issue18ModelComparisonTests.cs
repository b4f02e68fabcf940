using Designer.Web.Components.Pages;
using Designer.Web.Models;

namespace Designer.Web.Tests.Components;

/// <summary>Issue 18: a retrained model with a lower AUC than the served one was offered for approval without a warning.</summary>
public sealed class Issue18ModelComparisonTests
{
    [Fact]
    public void AucAgainstApproved_Issue18_LowerAucIsFlagged()
    {
        // Arrange
        var approved = Version(1, "Approved", 0.826);
        var pending = Version(2, "PendingApproval", 0.801);
        var model = new ModelDetailResponse("dispute-risk", "Classifier", [], [pending, approved]);

        // Act
        var delta = ModelsPage.AucAgainstApproved(model, pending);

        // Assert
        Assert.NotNull(delta);
        Assert.True(delta.Value.Lower);
        Assert.Equal("−0.025 vs v1: worse than the served version", delta.Value.Text);
        Assert.Null(ModelsPage.AucAgainstApproved(model, approved));
    }

    private static ModelVersionResponse Version(int number, string status, double auc) => new(
        "dispute-risk", number, status, new Dictionary<string, double> { ["auc"] = auc }, "u", "u", DateTimeOffset.UnixEpoch,
        null, null, null, null, null, []);
}
