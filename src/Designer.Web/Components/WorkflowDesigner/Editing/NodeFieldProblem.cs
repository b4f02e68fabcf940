namespace Designer.Web.Components.WorkflowDesigner.Editing;

/// <summary>
/// An inspector field whose text was not applied to the draft (it does not parse, or breaks a limit), or, with a
/// null <paramref name="Message"/>, that the field is fine again.
/// </summary>
/// <param name="NodeId">The node edited.</param>
/// <param name="Field">The field's label, as the author sees it.</param>
/// <param name="Message">Why the text was not applied; null clears the problem.</param>
public sealed record NodeFieldProblem(string NodeId, string Field, string? Message);
