namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>Settings of the fake server.</summary>
/// <param name="ApiKey">The key every call must carry as <c>api-key</c> metadata, or <see langword="null"/> for none.</param>
internal sealed record FakeQdrantOptions(string? ApiKey);
