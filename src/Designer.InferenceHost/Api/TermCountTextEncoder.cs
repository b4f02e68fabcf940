using System.Collections.Concurrent;
using System.Security.Cryptography;
using Designer.Inference.Registry;
using Designer.Inference.Text;

namespace Designer.InferenceHost.Api;

/// <summary>
/// Encodes texts for the project-trained term-count embedding models (the retrieval module's LSA), recognised by
/// their <see cref="TermCountEncoder.InputName"/> input. The vocabulary is read once per version from the model file,
/// after checking the file against the registered SHA-256.
/// </summary>
internal sealed class TermCountTextEncoder : IEmbeddingTextEncoder
{
    private readonly ConcurrentDictionary<(string Id, int Version), Lazy<TermCountEncoder>> _encoders = new();

    public bool CanEncode(ModelDescriptor model) =>
        model.Kind == ModelKind.Embedding && model.Inputs.Count == 1 && model.Inputs[0].Name == TermCountEncoder.InputName;

    public EncodedTexts Encode(ModelDescriptor model, IReadOnlyList<string> texts)
    {
        var encoder = _encoders.GetOrAdd((model.Id, model.Version), _ => new Lazy<TermCountEncoder>(() => Load(model))).Value;
        var tokens = 0;
        var rows = new List<float[]>(texts.Count);
        foreach (var text in texts)
        {
            rows.Add(encoder.Encode(text, out var used));
            tokens += used;
        }

        return new EncodedTexts(rows, tokens);
    }

    private static TermCountEncoder Load(ModelDescriptor model)
    {
        var bytes = File.ReadAllBytes(model.OnnxPath);
        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), model.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new ModelIntegrityException($"Model '{model.Id}' v{model.Version} does not match its registered SHA-256.");
        }

        return TermCountEncoder.FromModel(bytes);
    }
}
