using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Runtime.Runs;
using Designer.Web.Components.Shared;
using Designer.Web.Identity;
using Designer.Web.Runs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Designer.Web.Components.Runs;

/// <summary>
/// Starts a run of a workflow's active version (operators): a form generated from the Start node's input schema,
/// or the input pasted as JSON, with the demo's sample inputs one click away. Returns the run id as the dialog's data.
/// </summary>
public sealed partial class StartRunDialog
{
    private IReadOnlyList<WorkflowSummary> _workflows = [];
    private Guid? _workflowId;
    private StartInputForm? _form;
    private string? _json;
    private int _tab;
    private bool _busy;
    private IReadOnlyList<string> _problems = [];

    [CascadingParameter]
    private IMudDialogInstance Dialog { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private IWorkflowStore Workflows { get; set; } = default!;

    [Inject]
    private IAuthorizationService Authorization { get; set; } = default!;

    [Inject]
    private RunService Runs { get; set; } = default!;

    /// <summary>The workflow to preselect.</summary>
    [Parameter]
    public Guid? WorkflowId { get; set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        var page = await Workflows.ListWorkflowsAsync(1, Paging.MaxPageSize, null, CancellationToken.None);
        _workflows = [.. page.Items.Where(w => w.ActiveVersion is not null)];
        if ((WorkflowId ?? (_workflows is [var first, ..] ? first.Id : (Guid?)null)) is { } id)
        {
            await SelectWorkflowAsync(id);
        }
    }

    private async Task SelectWorkflowAsync(Guid? id)
    {
        _workflowId = id;
        _form = null;
        _problems = [];
        var workflow = _workflows.FirstOrDefault(w => w.Id == id);
        if (workflow?.ActiveVersion is not { } number)
        {
            return;
        }

        var version = await Workflows.GetVersionAsync(workflow.Id, number, CancellationToken.None);
        if (WorkflowJson.Parse(version?.CanonicalJson).Definition is { } definition)
        {
            _form = StartInputForm.For(definition);
            _json = "{\n}";
        }
    }

    /// <summary>Problems shown after a start attempt follow the fields as they are fixed, not the old values.</summary>
    private void OnFieldEdited()
    {
        if (_problems.Count > 0 && _form is not null)
        {
            _form.ToInput(out var problems);
            _problems = problems;
        }
    }

    /// <summary>The two tabs show the same input: what the form holds appears as JSON, and pasted JSON fills the form.</summary>
    private void OnTabChanged(int index)
    {
        if (_form is not null && index == 1 && _tab == 0)
        {
            _json = ReadableJson.Write(_form.ToPartialInput(), indented: true);
        }
        else if (_form is not null && index == 0 && _tab == 1 && TryParseObject(_json) is { } pasted)
        {
            _form.Fill(pasted);
        }

        _tab = index;
        _problems = [];
    }

    private static JsonObject? TryParseObject(string? text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void UseSample(JsonObject sample)
    {
        _form?.Fill(sample);
        _json = ReadableJson.Write(sample, indented: true);
        _problems = [];
    }

    private async Task StartAsync()
    {
        if (_workflowId is not { } id || ReadInput() is not { } input)
        {
            return;
        }

        _busy = true;
        try
        {
            var user = (await AuthenticationState).User;
            // The page shows the button to operators only; the dialog checks again rather than trust that.
            if (!(await Authorization.AuthorizeAsync(user, DesignerPolicies.Operate)).Succeeded)
            {
                _problems = ["Only operators may start runs."];
                return;
            }

            var started = await Runs.StartAsync(id, input, user.ToActor(), new RunStartOptions(Trigger: RunTriggers.Ui), CancellationToken.None);
            switch (started.Error?.Kind)
            {
                case null:
                    Dialog.Close(DialogResult.Ok(started.Value!.Id));
                    break;
                case OperationErrorKind.Unprocessable:
                    _problems = [.. started.Error.Problems.Select(p => p.Message)];
                    break;
                default:
                    _problems = ["The workflow has no active version any more."];
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private JsonObject? ReadInput()
    {
        if (_tab == 0)
        {
            var input = _form!.ToInput(out var problems);
            _problems = problems;
            return input;
        }

        try
        {
            if (JsonNode.Parse(_json ?? string.Empty) is JsonObject pasted)
            {
                _problems = [];
                return pasted;
            }

            _problems = ["The input must be a JSON object."];
        }
        catch (JsonException ex)
        {
            _problems = [$"The input is not valid JSON (line {(ex.LineNumber ?? 0) + 1}, character {(ex.BytePositionInLine ?? 0) + 1})."];
        }

        return null;
    }

    private void Cancel() => Dialog.Cancel();
}
