using System.Security.Claims;

namespace Designer.Web.Identity;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The user as the stores record them: stable id for rules, name for people.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("An authenticated user has no name identifier."),
        user.Identity?.Name ?? "unknown");
}
