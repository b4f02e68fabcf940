using Microsoft.Extensions.Options;

namespace Designer.Retrieval;

/// <summary>Checks the settings each backend needs.</summary>
internal sealed class RetrievalOptionsValidator : IValidateOptions<RetrievalOptions>
{
    public ValidateOptionsResult Validate(string? name, RetrievalOptions options) => options.IndexBackend switch
    {
        IndexBackend.PgVector when string.IsNullOrWhiteSpace(options.PgVectorConnectionString) =>
            ValidateOptionsResult.Fail($"{RetrievalOptions.SectionName}:PgVectorConnectionString is required when IndexBackend is PgVector."),
        IndexBackend.Qdrant when options.QdrantEndpoint is not { IsAbsoluteUri: true } =>
            ValidateOptionsResult.Fail($"{RetrievalOptions.SectionName}:QdrantEndpoint must be an absolute URI when IndexBackend is Qdrant."),
        _ when options.QdrantEndpoint is { } qdrant && (!qdrant.IsAbsoluteUri || qdrant.Scheme is not ("http" or "https")) =>
            ValidateOptionsResult.Fail($"{RetrievalOptions.SectionName}:QdrantEndpoint must be an absolute http or https URI (Qdrant's gRPC port, 6334 by default)."),
        // Until issue 11 the key named the REST endpoint; an old value would fail only at the first call, so say it at start.
        _ when options.QdrantEndpoint is { IsAbsoluteUri: true, Port: 6333 } =>
            ValidateOptionsResult.Fail($"{RetrievalOptions.SectionName}:QdrantEndpoint uses port 6333, Qdrant's REST port; the Qdrant client speaks gRPC (port 6334 by default)."),
        _ when options.Embedding is { ModelPath.Length: > 0, VocabularyPath.Length: 0 } =>
            ValidateOptionsResult.Fail($"{RetrievalOptions.SectionName}:Embedding:VocabularyPath is required when Embedding:ModelPath is set."),
        _ when options.OpenAIEmbedding is { } openAi && (openAi.Endpoint is not { IsAbsoluteUri: true } || string.IsNullOrWhiteSpace(openAi.Model)) =>
            ValidateOptionsResult.Fail($"{RetrievalOptions.SectionName}:OpenAIEmbedding needs an absolute Endpoint and a Model."),
        _ => ValidateNested(options),
    };

    // Data annotations on nested settings are not checked by ValidateDataAnnotations; check them here.
    private static ValidateOptionsResult ValidateNested(RetrievalOptions options)
    {
        var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options.Lsa, new(options.Lsa), problems, validateAllProperties: true);
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => $"{RetrievalOptions.SectionName}:Lsa: {p.ErrorMessage}"));
    }
}
