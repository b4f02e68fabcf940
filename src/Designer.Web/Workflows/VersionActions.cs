using System.Security.Claims;
using Designer.Web.Identity;

namespace Designer.Web.Workflows;

/// <summary>Which governance buttons a user sees for a version; the server enforces the same rules anyway.</summary>
internal static class VersionActions
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Activate = "activate";

    public static IReadOnlyList<string> For(ClaimsPrincipal user, VersionSummary version)
    {
        if (!user.IsInRole(DesignerRoles.Approver))
        {
            return [];
        }

        var isAuthor = version.AuthorId == user.FindFirstValue(ClaimTypes.NameIdentifier);
        return version.Status switch
        {
            // An author never sees "approve" on their own version.
            VersionStatus.PendingApproval when isAuthor => [Reject],
            VersionStatus.PendingApproval => [Approve, Reject],
            VersionStatus.Published when !version.IsActive => [Activate],
            _ => [],
        };
    }
}
