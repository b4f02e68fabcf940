namespace Designer.Web.Users;

/// <summary>The complete set of roles a user should hold from now on.</summary>
/// <param name="Roles">At least one of the five reading roles; <c>pii-reader</c> only in addition to one.</param>
internal sealed record SetRolesRequest(IReadOnlyList<string>? Roles);
