namespace Designer.Web.Identity;

/// <summary>Authentication scheme names of our own.</summary>
internal static class DesignerAuthSchemes
{
    public const string Selector = "Designer";
}
