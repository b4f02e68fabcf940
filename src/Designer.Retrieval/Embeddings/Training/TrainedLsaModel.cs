using Designer.Inference.Onnx;
using Designer.Inference.Text;

namespace Designer.Retrieval.Embeddings.Training;

/// <summary>A trained LSA model: the ONNX file (vocabulary in its metadata) and what training measured.</summary>
/// <param name="OnnxModel">The model, input <see cref="TermCountEncoder.InputName"/>, output <see cref="OnnxModelFactory.EmbeddingOutput"/>.</param>
/// <param name="Dimensions">Embedding length.</param>
/// <param name="Metrics">Documents, terms, dimensions and the share of the tf-idf energy the dimensions keep.</param>
public sealed record TrainedLsaModel(byte[] OnnxModel, int Dimensions, IReadOnlyDictionary<string, double> Metrics);
