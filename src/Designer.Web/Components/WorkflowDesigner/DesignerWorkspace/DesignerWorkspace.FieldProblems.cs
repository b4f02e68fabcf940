using Designer.Web.Components.WorkflowDesigner.Editing;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace Designer.Web.Components.WorkflowDesigner;

/// <summary>
/// Edits the draft did not take (a filter that is not JSON, a name over the limit) and leaving with unsaved work:
/// both must be visible, in the save status and in Problems, or the author believes the edit was kept (issue 18).
/// </summary>
public sealed partial class DesignerWorkspace
{
    private readonly Dictionary<(string NodeId, string Field), string> _fieldProblems = [];

    /// <summary>The draft's problems and the unapplied inspector fields, for the Problems tab.</summary>
    private IReadOnlyList<ValidationProblem> AllProblems =>
        _fieldProblems.Count == 0 ? _editor.Problems
        : [.. _fieldProblems.Select(p => new ValidationProblem("field.notApplied", $"{p.Key.Field}: {p.Value}", NodeId: p.Key.NodeId)), .. _editor.Problems];

    private string? FieldProblemStatus => _fieldProblems.Count == 0 ? null
        : _fieldProblems.Count == 1 ? $"Not applied: {_fieldProblems.Keys.First().Field} of {NodeName(_fieldProblems.Keys.First().NodeId)}"
        : $"Not applied: {_fieldProblems.Count} fields";

    private bool HasUnsavedWork => _editor.IsDirty || _saving || _conflictPending || _fieldProblems.Count > 0;

    private IReadOnlyDictionary<string, string> NodeNames =>
        _editor.Definition.Nodes.GroupBy(n => n.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);

    private string NodeName(string nodeId) => _editor.Find(nodeId)?.Name is { Length: > 0 } name ? name : nodeId;

    private void OnFieldProblem(NodeFieldProblem problem)
    {
        if (problem.Message is null)
        {
            _fieldProblems.Remove((problem.NodeId, problem.Field));
        }
        else
        {
            _fieldProblems[(problem.NodeId, problem.Field)] = problem.Message;
        }

        StateHasChanged();
    }

    /// <summary>Selecting another node discards the text its fields held; so are their problems.</summary>
    private void ForgetFieldProblemsExcept(string? nodeId)
    {
        foreach (var key in _fieldProblems.Keys.Where(k => k.NodeId != nodeId).ToList())
        {
            _fieldProblems.Remove(key);
        }
    }

    private async Task OnBeforeInternalNavigationAsync(LocationChangingContext context)
    {
        if (!HasUnsavedWork)
        {
            return;
        }

        if (_fieldProblems.Count == 0 && !_conflictPending)
        {
            _saveCancellation?.Cancel();
            if (await SaveAsync(null))
            {
                return;
            }
        }

        var leave = await Dialogs.ShowMessageBoxAsync(
            "Leave with unsaved changes?",
            $"{FieldProblemStatus ?? SaveStatus}. Leaving loses these edits.",
            yesText: "Leave", cancelText: "Stay");
        if (leave != true)
        {
            context.PreventNavigation();
        }
    }
}
