
namespace Designer.Web.Api;

/// <summary>
/// Carries the workflow module's validation problems into <see cref="OperationError"/>: Designer.Workflows stays free
/// of host dependencies, and both problem records serialise to the same JSON.
/// </summary>
internal static class ValidationProblemExtensions
{
    public static OperationProblem ToOperationProblem(this ValidationProblem problem) =>
        new(problem.Code, problem.Message, problem.NodeId, problem.EdgeId, problem.Field);

    public static List<OperationProblem> ToOperationProblems(this IEnumerable<ValidationProblem> problems) =>
        [.. problems.Select(ToOperationProblem)];
}
