using Designer.Inference.Corpus;
using Designer.Retrieval.Embeddings.Evaluation;

namespace Designer.Retrieval.Tests.Embeddings;

public sealed class ParaphraseRecallTests
{
    [Fact]
    public async Task DefaultModel_DisputeParaphraseQueries_BeatsBm25OnRecallAt5()
    {
        // Arrange: the demo corpus, the default model trained on it, the held-out paraphrase queries.
        await using var fixture = new CatalogFixture();
        var ct = TestContext.Current.CancellationToken;
        var corpus = DisputeCorpus.Default;
        var handle = await fixture.Catalog.TrainAsync(fixture.Catalog.DefaultModel, corpus.Select(d => d.Narrative).ToList(), ct);
        var queries = DisputeParaphraseQueries.Generate();

        // Act
        var recall = await ParaphraseRecall.MeasureAsync(corpus, queries, handle.Generator, Path.Combine(fixture.Root, "index"), 5, ct);

        // Assert
        var byMode = recall.ToDictionary(r => r.Name, r => r.Recall);
        TestContext.Current.SendDiagnosticMessage(
            $"recall@5 over {queries.Count} queries: LSA {byMode["dense"]:0.000}, BM25 {byMode["lexical"]:0.000}, hybrid {byMode["rrf"]:0.000}");
        foreach (var group in queries.Select((q, i) => (q, i)).GroupBy(x => x.q.Intent.Split(':')[0]))
        {
            TestContext.Current.SendDiagnosticMessage($"{group.Key}: " + string.Join(" ", recall.Select(r => $"{r.Name} {group.Average(x => r.PerQuery[x.i]):0.00}")));
        }

        Assert.True(byMode["dense"] > byMode["lexical"] + 0.05,
            $"LSA recall@5 {byMode["dense"]:0.000} must beat BM25 {byMode["lexical"]:0.000}");
    }
}
