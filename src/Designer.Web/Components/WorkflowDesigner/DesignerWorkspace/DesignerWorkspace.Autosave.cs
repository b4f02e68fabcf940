using Designer.Web.Workflows;
using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>Autosave with the draft's ETag, and the conflict dialog when someone else saved meanwhile.</summary>
public sealed partial class DesignerWorkspace
{
    private readonly SemaphoreSlim _saveLock = new(1, 1);
    private CancellationTokenSource? _saveCancellation;
    private bool _conflictPending;
    private string? _conflictETag;
    private string? _saveError;
    private bool _saving;

    private string SaveState => _conflictPending ? "conflict" : _saveError is not null || _fieldProblems.Count > 0 ? "error" : _saving ? "saving" : _editor.IsDirty ? "dirty" : "saved";

    private string SaveStatus => SaveState switch
    {
        "conflict" => "Not saved: conflict",
        "error" => _saveError is not null ? $"Not saved: {_saveError}" : FieldProblemStatus!,
        "saving" => "Saving…",
        "dirty" => "Unsaved changes",
        _ => "All changes saved",
    };

    private void ScheduleSave()
    {
        if (!_canEdit || _conflictPending)
        {
            return;
        }

        _saveCancellation?.Cancel();
        _saveCancellation?.Dispose();
        _saveCancellation = new CancellationTokenSource();
        _ = SaveLaterAsync(_saveCancellation.Token);
    }

    private async Task SaveLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(AutosaveDelay, cancellationToken);
            await InvokeAsync(() => SaveAsync(null));
        }
        catch (OperationCanceledException)
        {
            // A newer change rescheduled the save.
        }
    }

    /// <summary>Saves the draft if it has unsaved changes; <paramref name="overwriteETag"/> forces over a newer one.</summary>
    private async Task<bool> SaveAsync(string? overwriteETag)
    {
        await _saveLock.WaitAsync();
        try
        {
            if (!_editor.IsDirty || (_conflictPending && overwriteETag is null))
            {
                return !_editor.IsDirty;
            }

            _saving = true;
            var revision = _editor.Revision;
            var json = WorkflowJson.Serialize(_editor.Definition);
            var result = await Workflows.SaveDraftAsync(_user, WorkflowId, json, overwriteETag ?? _editor.ETag, CancellationToken.None);
            _saving = false;
            if (result.Value is { } saved)
            {
                _editor.MarkSaved(revision, ETags.Parse(saved.ETag));
                (_saveError, _conflictPending) = (null, false);
                return true;
            }

            if (result.Error!.Kind == OperationErrorKind.Conflict)
            {
                _conflictPending = true;
                _conflictETag = result.Error.Extensions?.GetValueOrDefault("currentETag") as string;
            }
            else
            {
                _saveError = result.Error.Detail;
            }

            return false;
        }
        finally
        {
            _saving = false;
            _saveLock.Release();
            StateHasChanged();
            if (_conflictPending && overwriteETag is null)
            {
                await ResolveConflictAsync();
            }
        }
    }

    private async Task ResolveConflictAsync()
    {
        var theirs = await Workflows.GetDraftAsync(WorkflowId, CancellationToken.None);
        var parameters = new DialogParameters<ConflictDialog> { { d => d.SavedBy, theirs.Value?.UpdatedBy } };
        var dialog = await Dialogs.ShowAsync<ConflictDialog>("The draft changed", parameters,
            new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false });
        var answer = await dialog.Result;
        var choice = answer is { Canceled: false, Data: ConflictChoice c } ? c : ConflictChoice.KeepEditing;
        switch (choice)
        {
            case ConflictChoice.ReloadTheirs when theirs.Value?.Definition is { } definition:
                _editor.Load(definition, theirs.Value.ETag);
                (_conflictPending, _selectedId) = (false, null);
                await LoadCanvasAsync(fit: false);
                break;
            case ConflictChoice.Overwrite:
                await SaveAsync(_conflictETag ?? theirs.Value?.ETag);
                break;
            default:
                // Keep editing: the edits stay on screen and unsaved until the author resolves the conflict.
                break;
        }

        StateHasChanged();
    }
}
