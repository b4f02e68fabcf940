using System.Security.Claims;
using Designer.Web.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Designer.Web.Components.Shared;

/// <summary>
/// What the workflow page's trigger panels (API keys, schedules, batches) share: the workflow, the signed-in user, and
/// the module services, which are absent where the page is tested without that module (the panel then renders nothing).
/// </summary>
public abstract class WorkflowPanel : ComponentBase
{
    /// <summary>Workflow whose data the panel shows and changes.</summary>
    [Parameter, EditorRequired]
    public Guid WorkflowId { get; set; }

    /// <summary>The signed-in user (anonymous until the authentication state is known).</summary>
    protected ClaimsPrincipal User { get; private set; } = new();

    /// <summary>Whether the user may change the workflow's triggers.</summary>
    protected bool IsAdminOrOperator => User.IsInRole(DesignerRoles.Admin) || User.IsInRole(DesignerRoles.Operator);

    /// <summary>The app's services, to look up an optional module's service.</summary>
    [Inject]
    protected IServiceProvider Services { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        User = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        await LoadAsync();
    }

    /// <summary>Reads what the panel lists, after <see cref="User"/> is set.</summary>
    protected abstract Task LoadAsync();
}
