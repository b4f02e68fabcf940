using Designer.Hosting;

namespace Designer.Retrieval.Collections;

/// <summary>Problems with collection input, coded by the field at fault so clients can group them.</summary>
public static class CollectionProblems
{
    /// <summary>A problem with one field.</summary>
    /// <param name="field">The field or path, e.g. <c>documents[3].id</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The problem, coded <c>collection.&lt;first path segment&gt;</c>.</returns>
    public static OperationProblem Of(string field, string message)
    {
        ArgumentNullException.ThrowIfNull(field);
        var root = field.Split('[', '.')[0];
        return new OperationProblem("collection." + (root.Length == 0 ? "invalid" : root), message, Field: field);
    }
}
