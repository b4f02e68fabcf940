using System.Text.Json;
using System.Text.Json.Nodes;
using Designer.Retrieval.Indexes;
using Qdrant.Client.Grpc;
using GrpcRange = Qdrant.Client.Grpc.Range;

namespace Designer.Retrieval.Qdrant;

/// <summary>Translates a <see cref="PayloadFilter"/> into Qdrant's gRPC <see cref="Filter"/> (<c>must</c> of field conditions).</summary>
internal static class QdrantFilters
{
    public static Filter? Build(PayloadFilter? filter)
    {
        if (filter is null)
        {
            return null;
        }

        var result = new Filter();
        if (filter is AndFilter and)
        {
            result.Must.AddRange(and.Must.Select(Condition));
        }
        else
        {
            result.Must.Add(Condition(filter));
        }

        return result;
    }

    private static Condition Condition(PayloadFilter filter) => filter switch
    {
        EqualsFilter f => Field(f.Key, fc => fc.Match = MatchOne(f.Value)),
        InFilter f => Field(f.Key, fc => fc.Match = MatchAny(f.Values)),
        RangeFilter f => Field(f.Key, fc => fc.Range = Range(f)),
        AndFilter and => new Condition { Filter = Build(and) },
        _ => throw new NotSupportedException($"Unknown filter {filter.GetType().Name}."),
    };

    private static Condition Field(string key, Action<FieldCondition> set)
    {
        var field = new FieldCondition { Key = PayloadKey(key) };
        set(field);
        return new Condition { Field = field };
    }

    private static Match MatchOne(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => new Match { Keyword = value.GetValue<string>() },
        JsonValueKind.True => new Match { Boolean = true },
        JsonValueKind.False => new Match { Boolean = false },
        JsonValueKind.Number => new Match { Integer = Integer(value) },
        var kind => throw new NotSupportedException($"Qdrant cannot match a {kind} value."),
    };

    // Qdrant's "any" takes a list of keywords or a list of integers, never a mix.
    private static Match MatchAny(IReadOnlyList<JsonValue> values)
    {
        if (values.All(v => v.GetValueKind() == JsonValueKind.String))
        {
            var keywords = new RepeatedStrings();
            keywords.Strings.AddRange(values.Select(v => v.GetValue<string>()));
            return new Match { Keywords = keywords };
        }

        if (values.All(v => v.GetValueKind() == JsonValueKind.Number))
        {
            var integers = new RepeatedIntegers();
            integers.Integers.AddRange(values.Select(Integer));
            return new Match { Integers = integers };
        }

        throw new NotSupportedException("Qdrant matches 'any' over strings only or integers only.");
    }

    // Qdrant matches strings, integers and booleans exactly; it has no exact match on fractional numbers.
    private static long Integer(JsonValue value)
    {
        var number = PayloadFilterEvaluator.ToDouble(value);
        return number == Math.Floor(number) && Math.Abs(number) < 9.2e18
            ? (long)number
            : throw new NotSupportedException($"Qdrant cannot match the fractional number {number} exactly; use a range filter.");
    }

    private static GrpcRange Range(RangeFilter f)
    {
        var range = new GrpcRange();
        if (f.Gt is { } gt)
        {
            range.Gt = gt;
        }

        if (f.Gte is { } gte)
        {
            range.Gte = gte;
        }

        if (f.Lt is { } lt)
        {
            range.Lt = lt;
        }

        if (f.Lte is { } lte)
        {
            range.Lte = lte;
        }

        return range;
    }

    private static string PayloadKey(string key) =>
        key is QdrantPayload.IdKey or QdrantPayload.TextKey ? throw new ArgumentException($"'{key}' is reserved by the Qdrant adapter.", nameof(key)) : key;
}
