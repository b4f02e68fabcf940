using System.Text.Json.Nodes;
using Designer.Retrieval.Tests.Support;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>Loads Qdrant's published OpenAPI document from <c>../shared/reference/</c> relative to the repository root.</summary>
internal static class QdrantSchema
{
    public const string RelativePath = "../shared/reference/qdrant-openapi-1.19.json";

    private static readonly Lazy<OpenApiSchemaValidator?> Loaded = new(Load);

    /// <summary>The validator; skips the test (fails under CI=true) when the schema file is absent.</summary>
    public static OpenApiSchemaValidator Require()
    {
        TestEnvironment.Require(Loaded.Value is not null, $"Qdrant OpenAPI schema not found at {RelativePath} (relative to the repository root); Qdrant contract tests skipped.");
        return Loaded.Value!;
    }

    private static OpenApiSchemaValidator? Load()
    {
        var root = FindRepositoryRoot();
        var path = root is null ? null : Path.GetFullPath(Path.Combine(root, RelativePath));
        return path is not null && File.Exists(path) ? new OpenApiSchemaValidator(JsonNode.Parse(File.ReadAllText(path))!.AsObject()) : null;
    }

    private static string? FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
