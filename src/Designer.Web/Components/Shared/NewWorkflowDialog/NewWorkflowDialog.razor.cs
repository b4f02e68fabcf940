using Designer.Web.Workflows;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Designer.Web.Components.Shared;

/// <summary>Creates a workflow with a blank draft; returns its id as the dialog's data.</summary>
public sealed partial class NewWorkflowDialog
{
    private string? _name;
    private string? _description;
    private string? _error;

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private WorkflowService Workflows { get; set; } = default!;

    private async Task CreateAsync()
    {
        var user = (await AuthenticationState).User;
        var created = await Workflows.CreateAsync(user, _name, _description, null, CancellationToken.None);
        if (created.IsSuccess)
        {
            Dialog.Close(DialogResult.Ok(created.Value!.Id));
            return;
        }

        _error = created.Error!.Problems is { Count: > 0 } p ? p[0].Message : created.Error.Detail;
    }

    private void Cancel() => Dialog.Cancel();
}
