using System.Text.Json;

namespace Designer.Inference.Registry;

/// <summary>
/// Writes a registry JSON file so a reader never sees half of it: serialise to a unique temporary file beside the
/// target, then move it into place (an atomic rename on one file system). The temporary file is removed on failure.
/// </summary>
internal static class AtomicJsonFile
{
    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/>.</summary>
    /// <param name="path">Target file.</param>
    /// <param name="value">What to write.</param>
    /// <param name="overwrite">False refuses to replace an existing file (an <see cref="IOException"/>).</param>
    public static async Task WriteAsync<T>(string path, T value, JsonSerializerOptions options, bool overwrite, CancellationToken cancellationToken)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var stream = File.Create(temp))
            {
                await JsonSerializer.SerializeAsync(stream, value, options, cancellationToken);
            }

            File.Move(temp, path, overwrite);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }
}
