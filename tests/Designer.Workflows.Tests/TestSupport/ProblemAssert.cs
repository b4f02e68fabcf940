using Designer.Workflows.Validation;

namespace Designer.Workflows.Tests.TestSupport;

internal static class ProblemAssert
{
    public static ValidationProblem Has(IReadOnlyList<ValidationProblem> problems, string code, string? nodeId = null,
        string? edgeId = null, string? field = null)
    {
        var match = problems.FirstOrDefault(p => p.Code == code &&
                                                 (nodeId is null || p.NodeId == nodeId) &&
                                                 (edgeId is null || p.EdgeId == edgeId) &&
                                                 (field is null || p.Field == field));
        Assert.True(match is not null,
            $"Expected {code} (node {nodeId}, edge {edgeId}, field {field}) in:\n{string.Join("\n", problems)}");
        return match;
    }

    public static void None(IReadOnlyList<ValidationProblem> problems) =>
        Assert.True(problems.Count == 0, $"Expected no problems, got:\n{string.Join("\n", problems)}");
}
