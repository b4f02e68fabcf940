namespace Designer.Web.Users;

/// <summary>A user as administrators see it: never a password hash, a stamp or a token.</summary>
/// <param name="Id">Stable id (the audit log's actor id).</param>
/// <param name="Email">Sign-in e-mail.</param>
/// <param name="DisplayName">The name shown in the UI and the audit log.</param>
/// <param name="Roles">Roles held, in the product's order.</param>
/// <param name="Locked">Whether sign-in is blocked (by an administrator, or by failed attempts until it expires).</param>
/// <param name="LockedUntil">When a lock ends; null when not locked.</param>
internal sealed record UserView(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool Locked, DateTimeOffset? LockedUntil);
