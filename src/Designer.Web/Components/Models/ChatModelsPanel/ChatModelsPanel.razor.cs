using System.Globalization;
using System.Security.Claims;
using Designer.Inference.ChatModels;
using Designer.Inference.Registry;
using Designer.Web.Components.Shared;
using Designer.Web.Identity;
using Designer.Web.Models;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Designer.Web.Components.Models;

/// <summary>
/// Chat-model versions on the models page: provider, endpoint, model, prices, status, who registered and reviewed
/// each and which workflow versions pin it; authors register a version (endpoint from the admin list, a secret's
/// name only), approvers other than the registrant approve or reject. <see cref="ChatModelService"/> enforces the same rules.
/// </summary>
public sealed partial class ChatModelsPanel
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
    private IReadOnlyList<ChatModelVersionView>? _versions;
    private RegistrationForm _form = new();
    private List<string> _problems = [];
    private bool _busy;

    /// <summary>The signed-in user.</summary>
    [Parameter, EditorRequired]
    public ClaimsPrincipal User { get; set; } = new();

    [Inject]
    private ChatModelService Service { get; set; } = default!;

    [Inject]
    private ChatModelOptions Options { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private IList<string> AllowedEndpoints => Options.AllowedEndpoints;

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        _form.Endpoint = AllowedEndpoints.FirstOrDefault();
        await LoadAsync();
    }

    private async Task LoadAsync() => _versions = await Service.ListAsync(CancellationToken.None);

    private static string Price(decimal value) => value.ToString("0.######", Culture);

    /// <summary>Approvers see review buttons on pending versions they did not register; the service enforces the same rule.</summary>
    private bool CanReview(ChatModelVersion version) =>
        User.IsInRole(DesignerRoles.Approver)
        && version.Status == ModelStatus.PendingApproval
        && version.RegisteredBy != User.ToActor().Id;

    private async Task RegisterAsync()
    {
        _busy = true;
        try
        {
            var registration = new ChatModelRegistration
            {
                Id = _form.Id?.Trim() ?? string.Empty,
                Provider = _form.Provider,
                Endpoint = _form.Endpoint ?? string.Empty,
                ModelName = _form.ModelName?.Trim() ?? string.Empty,
                Temperature = _form.Temperature,
                MaxOutputTokens = _form.MaxOutputTokens,
                InputPricePer1K = _form.InputPricePer1K,
                OutputPricePer1K = _form.OutputPricePer1K,
                ContextWindow = _form.ContextWindow,
                SupportsJsonSchema = _form.SupportsJsonSchema,
                ApiKeySecret = string.IsNullOrWhiteSpace(_form.ApiKeySecret) ? null : _form.ApiKeySecret.Trim(),
                RegisteredBy = User.ToActor().Id,
            };
            var result = await Service.RegisterAsync(User, registration, CancellationToken.None);
            if (result.IsSuccess)
            {
                _problems = [];
                _form = new RegistrationForm { Endpoint = AllowedEndpoints.FirstOrDefault() };
                Snackbar.Add($"Registered {result.Value!.Reference}; it waits for another approver.", Severity.Success);
                await LoadAsync();
            }
            else
            {
                _problems = result.Error!.Problems is { Count: > 0 } problems ? [.. problems.Select(p => p.Message)] : [result.Error.Detail];
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReviewAsync(ChatModelVersion version, bool approve)
    {
        var action = approve ? "approve" : "reject";
        var parameters = new DialogParameters<CommentDialog>
        {
            { d => d.CommentRequired, !approve },
            { d => d.ActionText, action },
            { d => d.Message, $"{action} {version.Reference} ({version.Provider}, {version.ModelName} at {version.Endpoint})?" },
        };
        var dialog = await Dialogs.ShowAsync<CommentDialog>($"{action} {version.Reference}", parameters);
        if (await dialog.Result is not { Canceled: false } answer)
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Service.ReviewAsync(User, version.Id, version.Version, approve ? ModelStatus.Approved : ModelStatus.Rejected,
                answer.Data as string, CancellationToken.None);
            Snackbar.Add(result.IsSuccess ? $"{result.Value!.Reference} is {result.Value.Status}." : result.Error!.Detail,
                result.IsSuccess ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class RegistrationForm
    {
        public string? Id { get; set; }

        public string Provider { get; set; } = ChatProviderKinds.OpenAiCompatible;

        public string? Endpoint { get; set; }

        public string? ModelName { get; set; }

        public string? ApiKeySecret { get; set; }

        public decimal InputPricePer1K { get; set; }

        public decimal OutputPricePer1K { get; set; }

        public int ContextWindow { get; set; } = 8192;

        public int? MaxOutputTokens { get; set; }

        public double? Temperature { get; set; }

        public bool SupportsJsonSchema { get; set; } = true;
    }
}
