namespace Designer.Web.Users;

/// <summary>A created account; <paramref name="TemporaryPassword"/> is set only when the server generated it and is never shown again.</summary>
/// <param name="User">The new account as lists show it.</param>
/// <param name="TemporaryPassword">The generated password, or null when the administrator chose one.</param>
internal sealed record CreatedUser(UserView User, string? TemporaryPassword);
