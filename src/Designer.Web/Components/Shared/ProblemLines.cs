namespace Designer.Web.Components.Shared;

/// <summary>How a component lists why an operation was refused: each problem as <c>field: message</c>, else the detail.</summary>
internal static class ProblemLines
{
    /// <summary>The lines to show for <paramref name="error"/>.</summary>
    /// <returns>One line per problem, or the detail alone when the error lists none.</returns>
    public static List<string> Of(OperationError error) =>
        error.Problems.Count > 0 ? [.. error.Problems.Select(p => $"{p.Field}: {p.Message}")] : [error.Detail];
}
