namespace Designer.InferenceHost.Api;

/// <summary>One vector of <see cref="EmbeddingsResponse"/>: a float array, or a base64 string of float32 bytes.</summary>
internal sealed record EmbeddingItem(string Object, int Index, object Embedding);
