using Microsoft.AspNetCore.Identity;

namespace Designer.Persistence;

/// <summary>An ASP.NET Core Identity user of Designer.</summary>
public sealed class DesignerUser : IdentityUser
{
    /// <summary>The name shown in the UI and recorded as the actor name in audit entries.</summary>
    public string DisplayName { get; set; } = string.Empty;
}
