using System.Diagnostics;
using System.Globalization;
using Designer.Retrieval.Embedded;

namespace Designer.Retrieval.Benchmarks;

/// <summary>
/// Runs the C++ hnswlib (Debian's python3-hnswlib, through hnswlib_compare.py) on this run's vectors, queries and
/// exact ground truth, so its rows compare with the embedded index's rows of the same run.
/// </summary>
internal static class HnswlibBaseline
{
    public static async Task RunAsync(IReadOnlyList<float[]> vectors, IReadOnlyList<float[]> queries, HashSet<string>[] truth, int[] efs)
    {
        var folder = Path.Combine(Path.GetTempPath(), "designer-hnswlib", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            ClusteredData.WriteFvecs(Path.Combine(folder, "base.fvecs"), vectors);
            ClusteredData.WriteFvecs(Path.Combine(folder, "queries.fvecs"), queries);
            WriteIvecs(Path.Combine(folder, "truth.ivecs"), truth);
            var script = Path.Combine(AppContext.BaseDirectory, "hnswlib_compare.py");
            var start = new ProcessStartInfo("/usr/bin/python3", [script, folder, string.Join(',', efs)]) { RedirectStandardError = true };
            using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                Console.WriteLine($"hnswlib: skipped (exit {process.ExitCode}; apt install python3-hnswlib python3-numpy): {errors.Trim()}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteIvecs(string path, HashSet<string>[] truth)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (var ids in truth)
        {
            writer.Write(ids.Count);
            foreach (var id in ids)
            {
                writer.Write(int.Parse(id, CultureInfo.InvariantCulture));
            }
        }
    }
}
