using Google.Protobuf.Collections;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Designer.Retrieval.Tests.Qdrant;

/// <summary>
/// The exact in-memory state behind <see cref="FakeQdrantService"/>: collections of points with a normalised vector
/// (Qdrant normalises on upsert for cosine) and a payload, searched by brute force, filtered with Qdrant's semantics for
/// the condition kinds the adapter sends. Anything else is refused, so a change in what the adapter sends shows up.
/// </summary>
internal sealed class FakeQdrantModel
{
    private static readonly Match.MatchValueOneofCase[] ImplementedMatches =
    [
        Match.MatchValueOneofCase.Keyword, Match.MatchValueOneofCase.Integer, Match.MatchValueOneofCase.Boolean,
        Match.MatchValueOneofCase.Keywords, Match.MatchValueOneofCase.Integers,
    ];

    private readonly Dictionary<string, FakeCollection> _collections = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private ulong _operationId;

    public bool Exists(string name)
    {
        lock (_gate)
        {
            return _collections.ContainsKey(name);
        }
    }

    public FakeCollection Get(string name)
    {
        lock (_gate)
        {
            return _collections.TryGetValue(name, out var collection)
                ? collection
                : throw new RpcException(new Status(StatusCode.NotFound, $"Not found: Collection `{name}` doesn't exist!"));
        }
    }

    public void Create(string name, ulong size)
    {
        lock (_gate)
        {
            if (!_collections.TryAdd(name, new FakeCollection(size)))
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, $"Wrong input: Collection `{name}` already exists!"));
            }
        }
    }

    public bool Delete(string name)
    {
        lock (_gate)
        {
            return _collections.Remove(name);
        }
    }

    public ulong NextOperationId() => Interlocked.Increment(ref _operationId);

    /// <summary>Refuses filters with parts the fake does not model, whether or not any point would reach them.</summary>
    public static void Validate(Filter? filter)
    {
        if (filter is null)
        {
            return;
        }

        if (filter.Should.Count > 0 || filter.MustNot.Count > 0 || filter.MinShould is not null)
        {
            throw Invalid("should, must_not or min_should");
        }

        foreach (var condition in filter.Must)
        {
            switch (condition.ConditionOneOfCase)
            {
                case Condition.ConditionOneOfOneofCase.Filter:
                    Validate(condition.Filter);
                    break;
                case Condition.ConditionOneOfOneofCase.Field when condition.Field.Key.Length > 0
                    && (condition.Field is { Match: null, Range: not null }
                        || (condition.Field is { Range: null, Match: { } match } && ImplementedMatches.Contains(match.MatchValueCase))):
                    break;
                default:
                    throw Invalid($"condition {condition}");
            }
        }
    }

    public static bool Matches(Filter? filter, MapField<string, Value> payload) =>
        filter is null || filter.Must.All(c => Matches(c, payload));

    private static bool Matches(Condition condition, MapField<string, Value> payload) => condition.ConditionOneOfCase switch
    {
        Condition.ConditionOneOfOneofCase.Filter => Matches(condition.Filter, payload),
        Condition.ConditionOneOfOneofCase.Field => Matches(condition.Field, payload),
        var other => throw Invalid($"condition kind {other}"),
    };

    private static bool Matches(FieldCondition field, MapField<string, Value> payload)
    {
        // A key names a top-level property; a value that is a list matches when any element does (Qdrant's rule).
        var values = !payload.TryGetValue(field.Key, out var value) ? []
            : value.KindCase == Value.KindOneofCase.ListValue ? value.ListValue.Values.ToList()
            : [value];
        if (field.Match is { } match)
        {
            return values.Any(v => MatchOne(match, v));
        }

        if (field.Range is { } range)
        {
            return values.Any(v => InRange(range, v));
        }

        throw Invalid("field condition without match or range");
    }

    private static bool MatchOne(Match match, Value value) => match.MatchValueCase switch
    {
        Match.MatchValueOneofCase.Keyword => value.KindCase == Value.KindOneofCase.StringValue && value.StringValue == match.Keyword,
        Match.MatchValueOneofCase.Integer => value.KindCase == Value.KindOneofCase.IntegerValue && value.IntegerValue == match.Integer,
        Match.MatchValueOneofCase.Boolean => value.KindCase == Value.KindOneofCase.BoolValue && value.BoolValue == match.Boolean,
        Match.MatchValueOneofCase.Keywords => value.KindCase == Value.KindOneofCase.StringValue && match.Keywords.Strings.Contains(value.StringValue),
        Match.MatchValueOneofCase.Integers => value.KindCase == Value.KindOneofCase.IntegerValue && match.Integers.Integers.Contains(value.IntegerValue),
        var other => throw Invalid($"match kind {other}"),
    };

    private static bool InRange(global::Qdrant.Client.Grpc.Range range, Value value)
    {
        double x;
        switch (value.KindCase)
        {
            case Value.KindOneofCase.IntegerValue:
                x = value.IntegerValue;
                break;
            case Value.KindOneofCase.DoubleValue:
                x = value.DoubleValue;
                break;
            default:
                return false;
        }

        return (!range.HasGt || x > range.Gt)
            && (!range.HasGte || x >= range.Gte)
            && (!range.HasLt || x < range.Lt)
            && (!range.HasLte || x <= range.Lte);
    }

    private static RpcException Invalid(string what) =>
        new(new Status(StatusCode.InvalidArgument, $"Fake Qdrant does not implement {what}; the adapter is not expected to send it."));
}
