using Designer.Hosting.Privacy;
using Designer.Persistence;

namespace Designer.Runtime.Policies;

/// <summary><see cref="IPiiDetector"/> for the run vault: the same detectors that mask traces and API responses.</summary>
public sealed class PiiDetector : IPiiDetector
{
    /// <inheritdoc />
    public string Replace(string text, Func<string, string, string> replace) => PiiRedactor.Replace(text, replace);
}
