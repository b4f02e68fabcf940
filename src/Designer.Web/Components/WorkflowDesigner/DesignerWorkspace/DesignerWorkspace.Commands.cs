using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>The toolbar's commands: history, view, layout, import/export, save and submit.</summary>
public sealed partial class DesignerWorkspace
{
    private const long MaxImportBytes = 5 * 1024 * 1024;

    private async Task OnCommandAsync(string command)
    {
        switch (command)
        {
            case DesignerCommands.Undo: await _canvas!.UndoAsync(); break;
            case DesignerCommands.Redo: await _canvas!.RedoAsync(); break;
            case DesignerCommands.ZoomToFit: await _canvas!.ZoomToFitAsync(); break;
            case DesignerCommands.Layout: await _canvas!.ApplyLayoutAsync(AutoLayout.Compute(_editor.Definition)); break;
            case DesignerCommands.ExportJson:
                await _canvas!.DownloadAsync(FileName("json"), WorkflowJson.Serialize(_editor.Definition, indented: true), "application/json");
                break;
            case DesignerCommands.ExportElsa:
                await _canvas!.DownloadAsync(FileName("elsa.json"), ElsaFlowchartConverter.Export(_editor.Definition, WorkflowId.ToString("N")), "application/json");
                break;
            case DesignerCommands.ExportSvg: await _canvas!.ExportSvgAsync(FileName("svg")); break;
            case DesignerCommands.Help:
                await Dialogs.ShowAsync<ShortcutsDialog>("Keyboard shortcuts", new DialogOptions { CloseOnEscapeKey = true, CloseButton = true, DefaultFocus = DefaultFocus.Element });
                break;
            case DesignerCommands.Save: await SaveNowAsync(); break;
            case DesignerCommands.Submit: await SubmitAsync(); break;
            default: break;
        }
    }

    private Task OnShortcutAsync(string name) => OnCommandAsync(name);

    private async Task SaveNowAsync()
    {
        _saveCancellation?.Cancel();
        await SaveAsync(null);
    }

    /// <summary>Submitting is blocked while the draft is invalid: the problems are listed instead.</summary>
    private async Task SubmitAsync()
    {
        if (AllProblems.Count > 0)
        {
            ShowTab(1);
            Snackbar.Add($"Fix the {AllProblems.Count} problem(s) before submitting.", Severity.Error);
            return;
        }

        if (!await SaveAsync(null))
        {
            return;
        }

        var submitted = await Versions.SubmitAsync(_user, WorkflowId, _editor.ETag, CancellationToken.None);
        if (submitted.Value is { } version)
        {
            Snackbar.Add($"Submitted v{version.Number} for review.", Severity.Success);
            await LoadVersionsAsync();
            ShowTab(2);
        }
        else
        {
            Snackbar.Add(submitted.Error!.Detail, Severity.Error);
        }
    }

    /// <summary>Replaces the canvas content with an imported document (ours or Elsa 3); autosave then overwrites the draft.</summary>
    private async Task ImportAsync(IBrowserFile file)
    {
        string text;
        using (var reader = new StreamReader(file.OpenReadStream(MaxImportBytes)))
        {
            text = await reader.ReadToEndAsync();
        }

        var (definition, problems) = DraftImport.Read(text);
        if (definition is null)
        {
            Snackbar.Add($"Could not import {file.Name}: {(problems is [var first, ..] ? first.Message : null)}", Severity.Error);
            return;
        }

        _editor.Replace(definition);
        _selectedId = null;
        await LoadCanvasAsync(fit: true);
        ScheduleSave();
        Snackbar.Add(problems.Count > 0 ? $"Imported {file.Name}; {problems.Count} item(s) skipped." : $"Imported {file.Name}.", Severity.Info);
    }

    private string FileName(string extension) =>
        $"{string.Concat(_editor.Definition.Name.Split(Path.GetInvalidFileNameChars())).Replace(' ', '-').ToLowerInvariant()}.{extension}";
}
