using Designer.Inference.Registry;

namespace Designer.Inference.Pretrained;

/// <summary>A pretrained sentence-embedding model carried by a NuGet package, with its pinned hashes.</summary>
/// <param name="Id">The registry id.</param>
/// <param name="CarrierFile">The carrier assembly's file name under the pretrained folder.</param>
/// <param name="ModelResource">The ONNX resource name.</param>
/// <param name="VocabularyResource">The <c>vocab.txt</c> resource name.</param>
/// <param name="ModelSha256">The pinned SHA-256 of the ONNX bytes.</param>
/// <param name="VocabularySha256">The pinned SHA-256 of the vocabulary.</param>
/// <param name="TextEncoder">Tokenizer, window, pooling and prefixes.</param>
/// <param name="License">The licence of the weights and of the carrier.</param>
/// <param name="Upstream">The upstream model and the carrier package.</param>
/// <param name="Description">What it is, for the registry.</param>
public sealed record PretrainedModel(
    string Id,
    string CarrierFile,
    string ModelResource,
    string VocabularyResource,
    string ModelSha256,
    string VocabularySha256,
    TextEncoderSpec TextEncoder,
    string License,
    string Upstream,
    string Description);
