using Microsoft.AspNetCore.Components;

namespace Designer.Web.Components.Shared;

/// <summary>One checkbox per role an administrator may grant, editing the set it is given in place.</summary>
public sealed partial class RoleChecklist
{
    /// <summary>The roles ticked; the component adds and removes in place.</summary>
    [Parameter]
    [EditorRequired]
    public HashSet<string> Roles { get; set; } = [];

    private void Toggle(string role, bool on)
    {
        if (on)
        {
            Roles.Add(role);
        }
        else
        {
            Roles.Remove(role);
        }
    }
}
