namespace Designer.Web.Workflows;

/// <summary>The result of an autosave: the new ETag and what is still wrong with the draft.</summary>
internal sealed record DraftSaved(string ETag, IReadOnlyList<ValidationProblem> Problems);
