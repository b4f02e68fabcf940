using Designer.Inference.Registry;

namespace Designer.InferenceHost.Api;

/// <summary>
/// Turns texts into an embedding model's input rows (tokenisation and the like). The retrieval module registers
/// one with its embedding model; until then no embedding model can take text and the host says so.
/// </summary>
public interface IEmbeddingTextEncoder
{
    /// <summary>Whether this encoder prepares inputs for <paramref name="model"/>.</summary>
    /// <param name="model">An embedding model version.</param>
    bool CanEncode(ModelDescriptor model);

    /// <summary>Encodes <paramref name="texts"/> into one input row each.</summary>
    /// <param name="model">The embedding model version.</param>
    /// <param name="texts">Texts to embed.</param>
    /// <returns>The rows, and how many tokens they used (for OpenAI's <c>usage</c>).</returns>
    EncodedTexts Encode(ModelDescriptor model, IReadOnlyList<string> texts);

    /// <summary>Encodes queries, for models that embed queries differently (a query prefix); documents otherwise.</summary>
    /// <param name="model">The model version.</param>
    /// <returns>The rows and the token count.</returns>
    EncodedTexts EncodeQueries(ModelDescriptor model, IReadOnlyList<string> texts) => Encode(model, texts);
}
