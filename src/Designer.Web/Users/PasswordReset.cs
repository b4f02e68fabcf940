namespace Designer.Web.Users;

/// <summary>A reset password: shown once to the administrator who hands it over; every session of the user ended.</summary>
/// <param name="User">The account whose password was reset.</param>
internal sealed record PasswordReset(UserView User, string TemporaryPassword);
