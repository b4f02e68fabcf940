using System.Globalization;
using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Designer.Retrieval.Lexical;

/// <summary>
/// The lexical half of a collection: a Lucene.NET index on disk (<see cref="FSDirectory"/>) with the English analyzer
/// (stemming, stop words) and <see cref="BM25Similarity"/>. It stores id, text and payload so lexical hits and their
/// payload filter need nothing else. Thread-safe: Lucene's writer and near-real-time searcher manager are.
/// </summary>
internal sealed class LuceneLexicalIndex : IDisposable
{
    private const string IdField = "id";
    private const string TextField = "text";
    private const string PayloadField = "payload";
    private const string SequenceKey = "designer.sequence";
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly LuceneDirectory _directory;
    private readonly Analyzer _analyzer;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;

    public LuceneLexicalIndex(string path)
    {
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(path));
        _analyzer = new EnglishAnalyzer(Version);
        var config = new IndexWriterConfig(Version, _analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            Similarity = new BM25Similarity(),
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>The sequence number recorded with the last commit (-1 when none), so an owner can tell a stale index.</summary>
    public long CommittedSequence =>
        _writer.CommitData.TryGetValue(SequenceKey, out var value) && long.TryParse(value, out var sequence) ? sequence : -1;

    public void Upsert(IEnumerable<VectorRecord> records)
    {
        foreach (var record in records)
        {
            var document = new Document
            {
                new StringField(IdField, record.Id, Field.Store.YES),
                new TextField(TextField, record.Text ?? string.Empty, Field.Store.YES),
                new StoredField(PayloadField, (record.Payload ?? []).ToJsonString()),
            };
            _writer.UpdateDocument(new Term(IdField, record.Id), document);
        }

        _searchers.MaybeRefreshBlocking();
    }

    public void Delete(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            _writer.DeleteDocuments(new Term(IdField, id));
        }

        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Deletes the documents whose stored payload satisfies the filter (a full scan: payloads are not indexed).</summary>
    public void DeleteWhere(PayloadFilter filter)
    {
        var ids = new List<string>();
        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var live = MultiFields.GetLiveDocs(reader);
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                if (live is not null && !live.Get(doc))
                {
                    continue;
                }

                var document = reader.Document(doc);
                if (PayloadFilterEvaluator.Matches(filter, JsonNode.Parse(document.Get(PayloadField, CultureInfo.InvariantCulture))!.AsObject()))
                {
                    ids.Add(document.Get(IdField, CultureInfo.InvariantCulture));
                }
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        Delete(ids);
    }

    public void Clear()
    {
        _writer.DeleteAll();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes the index durable, tagged with the owner's sequence number.</summary>
    public void Commit(long sequence)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [SequenceKey] = sequence.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        _writer.Commit();
    }

    public IReadOnlyList<SearchHit> Search(string queryText, int limit, PayloadFilter? filter)
    {
        var query = BuildQuery(queryText);
        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var searcher = _searchers.Acquire();
        try
        {
            // With a filter, widen the Lucene window until enough hits pass it or every match has been seen.
            var window = filter is null ? limit : Math.Max(limit * 4, 64);
            while (true)
            {
                var top = searcher.Search(query, window);
                var hits = new List<SearchHit>(limit);
                foreach (var scoreDoc in top.ScoreDocs)
                {
                    var document = searcher.Doc(scoreDoc.Doc);
                    var payload = JsonNode.Parse(document.Get(PayloadField, CultureInfo.InvariantCulture))!.AsObject();
                    if (PayloadFilterEvaluator.Matches(filter, payload))
                    {
                        var text = document.Get(TextField, CultureInfo.InvariantCulture);
                        hits.Add(new SearchHit(document.Get(IdField, CultureInfo.InvariantCulture), scoreDoc.Score, text.Length == 0 ? null : text, payload));
                        if (hits.Count == limit)
                        {
                            return hits;
                        }
                    }
                }

                if (top.TotalHits <= window)
                {
                    return hits;
                }

                window *= 4;
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private BooleanQuery BuildQuery(string queryText)
    {
        // Terms go through the same analyzer as the documents; OR-ing them is BM25's usual bag-of-words query and
        // avoids query-parser syntax errors on user text.
        var query = new BooleanQuery();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var stream = _analyzer.GetTokenStream(TextField, new StringReader(queryText));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken() && seen.Count < BooleanQuery.MaxClauseCount)
        {
            var text = term.ToString();
            if (seen.Add(text))
            {
                query.Add(new TermQuery(new Term(TextField, text)), Occur.SHOULD);
            }
        }

        stream.End();
        return query;
    }

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
