namespace Designer.Persistence;

/// <summary>
/// Finds personal data in text for the run vault. The runtime supplies the detectors (one set of detectors decides
/// what is masked in traces, in API responses and in stored rows).
/// </summary>
public interface IPiiDetector
{
    /// <summary>Replaces every confirmed match in <paramref name="text"/> by what <paramref name="replace"/> returns.</summary>
    /// <param name="text">Text to scan.</param>
    /// <param name="replace">Given the kind (<c>email</c>, <c>iban</c>, <c>card</c>, <c>phone</c>) and the value, returns the replacement.</param>
    /// <returns>The text with every match replaced.</returns>
    string Replace(string text, Func<string, string, string> replace);
}
