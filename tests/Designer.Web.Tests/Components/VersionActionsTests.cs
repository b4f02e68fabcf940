using System.Security.Claims;
using Designer.Persistence;
using Designer.Web.Workflows;

namespace Designer.Web.Tests.Components;

public sealed class VersionActionsTests
{
    [Theory]
    [InlineData("approver-1", new[] { "approver" }, VersionStatus.PendingApproval, false, "approve,reject")]
    [InlineData("author-1", new[] { "author", "approver" }, VersionStatus.PendingApproval, false, "reject")]
    [InlineData("author-1", new[] { "author" }, VersionStatus.PendingApproval, false, "")]
    [InlineData("approver-1", new[] { "approver" }, VersionStatus.Published, false, "activate")]
    [InlineData("approver-1", new[] { "approver" }, VersionStatus.Published, true, "")]
    [InlineData("approver-1", new[] { "approver" }, VersionStatus.Rejected, false, "")]
    public void For_UserAndVersion_OffersOnlyAllowedActions(string userId, string[] roles, VersionStatus status, bool active, string expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, userId), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
        var version = TestVersions.Create(authorId: "author-1", status, active);

        var actions = VersionActions.For(user, version);

        Assert.Equal(expected, string.Join(',', actions));
    }
}
