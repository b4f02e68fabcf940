using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;

namespace Designer.Persistence;

/// <summary>
/// One run's vault while a row of that run is written or read: swaps sensitive values for tokens (new values become
/// entries added to the caller's context, saved with the row) and tokens back for values.
/// </summary>
/// <remarks>
/// Taint follows the value: before the detectors run, every value already in the vault is replaced wherever it occurs
/// in the text, so a copy made by an expression or mapping is tokenised even where no detector would look.
/// </remarks>
internal sealed class RunVaultSession
{
    private DesignerDbContext? _db;
    private readonly Guid _runId;
    private readonly IDataProtector _protector;
    private readonly IPiiDetector _detector;
    private DateTimeOffset _now;
    private readonly Dictionary<string, Known> _byToken = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Value, bool IsNumber), Known> _byValue = [];
    private List<Known>? _taintOrder;
    private int _replacements;

    public RunVaultSession(DesignerDbContext? db, Guid runId, IDataProtector protector, IPiiDetector detector, IEnumerable<RunVaultEntryEntity> entries, DateTimeOffset now)
    {
        _db = db;
        _runId = runId;
        _protector = protector;
        _detector = detector;
        _now = now;
        foreach (var entry in entries)
        {
            Remember(new Known(entry.TokenId, entry.Kind, _protector.Unprotect(entry.ProtectedValue), entry.IsNumber));
        }
    }

    /// <summary>
    /// Points new entries at the next write's context: a session held for a run (issue 15) serves many writes, each
    /// on its own context; the entries it added for earlier writes were committed with them.
    /// </summary>
    /// <param name="db">The next write's context.</param>
    /// <param name="now">The next write's time.</param>
    public void Bind(DesignerDbContext db, DateTimeOffset now)
    {
        if (_db is null)
        {
            throw new InvalidOperationException("This vault session only reads.");
        }

        _db = db;
        _now = now;
    }

    /// <summary>How many entries the vault holds for the run.</summary>
    public int Count => _byToken.Count;

    public string? TokenizeText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var result = text;
        foreach (var known in TaintOrder())
        {
            if (result.Contains(known.Value, StringComparison.Ordinal))
            {
                result = result.Replace(known.Value, TokenFor(known.Kind, known.Value, isNumber: false), StringComparison.Ordinal);
            }
        }

        return _detector.Replace(result, (kind, value) => TokenFor(kind, value, isNumber: false));
    }

    public string? TokenizeJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return json;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return TokenizeText(json);
        }

        // An untouched document is stored byte for byte as given, unless it spells tokens escaped (a caller
        // serialised stored rows with the default encoder): those are written plainly so every scan finds them.
        var before = _replacements;
        var tokenized = Tokenize(node);
        var escapedTokens = json.Contains("\\u00AB", StringComparison.OrdinalIgnoreCase);
        return _replacements == before && !escapedTokens ? json : tokenized?.ToJsonString(RunVaultTokens.JsonOptions) ?? json;
    }

    public JsonNode? Tokenize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Tokenize(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Tokenize)]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return JsonValue.Create(TokenizeText(text));
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                var raw = value.ToJsonString();
                string? kind = null;
                _detector.Replace(raw, (k, v) =>
                {
                    kind = v == raw ? k : kind;
                    return v;
                });
                kind ??= _byValue.TryGetValue((raw, false), out var seen) ? seen.Kind : null;
                return kind is null ? value.DeepClone() : JsonValue.Create(TokenFor(kind, raw, isNumber: true));
            default:
                return node?.DeepClone();
        }
    }

    public string DetokenizeText(string text) =>
        RunVaultTokens.Replace(text, (_, id) => _byToken.TryGetValue(id, out var known) ? known.Value : null);

    public string DetokenizeJson(string json)
    {
        if (!RunVaultTokens.ContainsToken(json))
        {
            return json;
        }

        try
        {
            return Detokenize(JsonNode.Parse(json))?.ToJsonString(RunVaultTokens.JsonOptions) ?? json;
        }
        catch (JsonException)
        {
            return DetokenizeText(json);
        }
    }

    public JsonNode? Detokenize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Detokenize(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(Detokenize)]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                var whole = RunVaultTokens.MatchWhole(text);
                if (whole.Success && _byToken.TryGetValue(whole.Groups["id"].Value, out var known) && known.IsNumber)
                {
                    return JsonNode.Parse(known.Value);
                }

                return JsonValue.Create(DetokenizeText(text));
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>True when some token in <paramref name="text"/> is still in the vault (not shredded).</summary>
    public bool CanResolveAny(string text)
    {
        var any = false;
        RunVaultTokens.Replace(text, (_, id) =>
        {
            any |= _byToken.ContainsKey(id);
            return null;
        });
        return any;
    }

    private string TokenFor(string kind, string value, bool isNumber)
    {
        _replacements++;
        if (_byValue.TryGetValue((value, isNumber), out var known))
        {
            return RunVaultTokens.Format(known.Kind, known.TokenId);
        }

        if (_db is null)
        {
            throw new InvalidOperationException("This vault session only reads.");
        }

        var id = RunVaultTokens.NewId();
        _db.RunVaultEntries.Add(new RunVaultEntryEntity
        {
            RunId = _runId,
            TokenId = id,
            Kind = kind,
            ProtectedValue = _protector.Protect(value),
            IsNumber = isNumber,
            CreatedAt = _now,
        });
        Remember(new Known(id, kind, value, isNumber));
        return RunVaultTokens.Format(kind, id);
    }

    private void Remember(Known known)
    {
        _byToken[known.TokenId] = known;
        _byValue.TryAdd((known.Value, known.IsNumber), known);
        _taintOrder = null;
    }

    // Longest first, so a value that contains another is replaced whole.
    private List<Known> TaintOrder() =>
        _taintOrder ??= [.. _byValue.Values.Where(k => k.Value.Length >= 5).OrderByDescending(k => k.Value.Length)];

    private sealed record Known(string TokenId, string Kind, string Value, bool IsNumber);
}
