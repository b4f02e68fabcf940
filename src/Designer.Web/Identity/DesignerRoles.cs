namespace Designer.Web.Identity;

/// <summary>The five roles and the policies every endpoint and page authorises with.</summary>
internal static class DesignerRoles
{
    public const string Author = "author";
    public const string Approver = "approver";
    public const string Operator = "operator";
    public const string Viewer = "viewer";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Author, Approver, Operator, Viewer, Admin];

    /// <summary>
    /// Given in addition to a reading role: may reveal the personal data the APIs mask, each reveal audited. Not in
    /// <see cref="All"/>: no demo user holds it, an admin grants it deliberately.
    /// </summary>
    public const string PiiReader = "pii-reader";
}
