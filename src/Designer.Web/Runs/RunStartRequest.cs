using System.Text.Json.Nodes;

namespace Designer.Web.Runs;

/// <summary>The optional body of <c>POST /api/workflows/{id}/runs</c>; an empty body starts the run with <c>{}</c> as input.</summary>
/// <param name="Input">The run's input, checked against the version's input schema; absent or null means <c>{}</c>.</param>
/// <param name="RunKey">
/// The key that decides the rollout side (issue 13), 1 to 200 characters; absent means the <c>Idempotency-Key</c>
/// header, or a fresh key when that is absent too.
/// </param>
/// <param name="Version">The version number to run (at least 1), overriding the active version and any rollout split.</param>
internal sealed record RunStartRequest(JsonObject? Input = null, string? RunKey = null, int? Version = null)
{
    /// <summary>The refusal's summary when anything but the input alone is wrong.</summary>
    public const string InvalidDetail = "The run start is invalid; nothing was started.";

    /// <summary>The message of a wrongly typed input, also the refusal's summary when it is the only problem.</summary>
    public const string InputMessage = "'input' must be a JSON object.";

    private const string RunKeyMessage = "runKey must be a string of 1 to 200 characters.";
    private const string VersionMessage = "version must be a whole number of at least 1.";

    /// <summary>Most characters of a run key.</summary>
    public const int MaxRunKeyLength = 200;

    /// <summary>
    /// Every problem of the body: the binder's wrongly typed properties (reworded as these fields always were) and
    /// the values out of range.
    /// </summary>
    /// <param name="typeProblems">The binder's problems, one per wrongly typed property.</param>
    /// <returns>Every problem, none when the start may go ahead.</returns>
    public IEnumerable<OperationProblem> Validate(IEnumerable<OperationProblem> typeProblems)
    {
        ArgumentNullException.ThrowIfNull(typeProblems);
        foreach (var problem in typeProblems)
        {
            yield return Is(problem, nameof(Input)) ? problem with { Message = InputMessage }
                : Is(problem, nameof(RunKey)) ? problem with { Message = RunKeyMessage }
                : Is(problem, nameof(Version)) ? problem with { Message = VersionMessage }
                : problem;
        }

        if (RunKey is { Length: 0 or > MaxRunKeyLength })
        {
            yield return new OperationProblem("run.runKey", RunKeyMessage, Field: "runKey");
        }

        if (Version is < 1)
        {
            yield return new OperationProblem("run.version", VersionMessage, Field: "version");
        }
    }

    private static bool Is(OperationProblem problem, string property) => string.Equals(problem.Field, property, StringComparison.OrdinalIgnoreCase);
}
