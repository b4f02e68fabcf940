using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Nodes;
using Designer.Web.Identity;
using Designer.Web.Triggers;
using Designer.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace Designer.Web.Components.Shared;

/// <summary>
/// The workflow's webhook API keys (issue 16), for admins and operators: create (optionally signed), rotate and
/// revoke behind a confirmation; a new secret is shown once with copy buttons and the curl line that calls the hook.
/// </summary>
public sealed partial class ApiKeysPanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private IReadOnlyList<ApiKeyResponse> _keys = [];
    private ClaimsPrincipal _user = new();
    private string _name = string.Empty;
    private bool _signed;
    private ApiKeyResponse? _shown;
    private ApiKeyResponse? _confirmRevoke;
    private string? _error;
    private IReadOnlyList<ValidationProblem>? _problems;

    /// <summary>The workflow.</summary>
    [Parameter, EditorRequired]
    public Guid WorkflowId { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    private ApiKeyService? Keys { get; set; }

    private bool CanManage => _user.IsInRole(DesignerRoles.Admin) || _user.IsInRole(DesignerRoles.Operator);

    private string HookUrl => Navigation.BaseUri.TrimEnd('/') + WebhookEndpoints.PathFor(WorkflowId);

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        // Renders nothing where the trigger services are not registered (pages tested without them).
        Keys = Services.GetService<ApiKeyService>();
        _user = AuthenticationState is null ? new ClaimsPrincipal() : (await AuthenticationState).User;
        await LoadAsync();
    }

    private string Curl(string key) =>
        $"curl -X POST \"{HookUrl}?wait=PT10S\" -H \"Authorization: Bearer {key}\" -H \"Content-Type: application/json\" -H \"Idempotency-Key: <unique id>\" -d '{{…run input…}}'";

    private async Task LoadAsync()
    {
        if (Keys is not null && CanManage)
        {
            _keys = await Keys.ListAsync(WorkflowId, CancellationToken.None);
        }
    }

    private async Task CreateAsync()
    {
        var result = await Keys!.CreateAsync(_user, WorkflowId, new JsonObject { ["name"] = _name, ["signed"] = _signed }, CancellationToken.None);
        await ShowAsync(result);
    }

    private async Task RotateAsync(ApiKeyResponse key) =>
        await ShowAsync(await Keys!.RotateAsync(_user, WorkflowId, key.Id, CancellationToken.None));

    private async Task RevokeAsync(ApiKeyResponse key)
    {
        _confirmRevoke = null;
        var result = await Keys!.RevokeAsync(_user, WorkflowId, key.Id, CancellationToken.None);
        _error = result.Error?.Detail;
        _shown = null;
        await LoadAsync();
    }

    private async Task ShowAsync(ServiceResult<ApiKeyResponse> result)
    {
        _error = result.Error is { Problems: null } error ? error.Detail : null;
        _problems = result.Error?.Problems;
        _shown = result.IsSuccess ? result.Value : null;
        if (result.IsSuccess)
        {
            _name = string.Empty;
        }

        await LoadAsync();
    }

    private async Task CopyAsync(string text) => await Js.InvokeVoidAsync("navigator.clipboard.writeText", text);
}
