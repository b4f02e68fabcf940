using System.Globalization;
using Designer.Web.Triggers;
using Microsoft.AspNetCore.Components;
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
    private string _name = string.Empty;
    private bool _signed;
    private ApiKeyResponse? _shown;
    private ApiKeyResponse? _confirmRevoke;
    private string? _error;
    private IReadOnlyList<OperationProblem>? _problems;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    private ApiKeyService? Keys { get; set; }

    private bool CanManage => IsAdminOrOperator;

    private string HookUrl => Navigation.BaseUri.TrimEnd('/') + WebhookEndpoints.PathFor(WorkflowId);

    private string Curl(string key) =>
        $"curl -X POST \"{HookUrl}?wait=PT10S\" -H \"Authorization: Bearer {key}\" -H \"Content-Type: application/json\" -H \"Idempotency-Key: <unique id>\" -d '{{…run input…}}'";

    /// <inheritdoc />
    protected override async Task LoadAsync()
    {
        Keys = Services.GetService<ApiKeyService>();
        if (Keys is not null && CanManage)
        {
            _keys = await Keys.ListAsync(WorkflowId, CancellationToken.None);
        }
    }

    private async Task CreateAsync()
    {
        var result = await Keys!.CreateAsync(User, WorkflowId, new ApiKeyRequest(_name, _signed), [], CancellationToken.None);
        await ShowAsync(result);
    }

    private async Task RotateAsync(ApiKeyResponse key) =>
        await ShowAsync(await Keys!.RotateAsync(User, WorkflowId, key.Id, CancellationToken.None));

    private async Task RevokeAsync(ApiKeyResponse key)
    {
        _confirmRevoke = null;
        var result = await Keys!.RevokeAsync(User, WorkflowId, key.Id, CancellationToken.None);
        _error = result.Error?.Detail;
        _shown = null;
        await LoadAsync();
    }

    private async Task ShowAsync(OperationResult<ApiKeyResponse> result)
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
