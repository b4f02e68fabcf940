namespace Designer.Web.Users;

/// <summary>A new account. Without a password the server generates a temporary one and returns it once.</summary>
/// <param name="Email">Sign-in e-mail; unique.</param>
/// <param name="DisplayName">Shown in the UI and the audit log; the e-mail's local part when blank.</param>
/// <param name="Roles">At least one of the five reading roles; <c>pii-reader</c> only in addition to one.</param>
/// <param name="Password">Optional; must meet the password rules.</param>
internal sealed record CreateUserRequest(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, string? Password);
