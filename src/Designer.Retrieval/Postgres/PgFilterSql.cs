using System.Text;
using Designer.Retrieval.Indexes;
using Npgsql;
using NpgsqlTypes;

namespace Designer.Retrieval.Postgres;

/// <summary>
/// Translates a <see cref="PayloadFilter"/> into a SQL predicate over the <c>payload jsonb</c> column. Keys and values
/// are always parameters. Equality uses jsonb containment on the extracted value, which matches a scalar equal to the
/// value or an array containing it — the same semantics as Qdrant and the embedded index.
/// </summary>
internal static class PgFilterSql
{
    public static string Build(PayloadFilter? filter, NpgsqlCommand command)
    {
        if (filter is null)
        {
            return "TRUE";
        }

        var sql = new StringBuilder();
        Append(filter, command, sql);
        return sql.ToString();
    }

    private static void Append(PayloadFilter filter, NpgsqlCommand command, StringBuilder sql)
    {
        switch (filter)
        {
            case EqualsFilter f:
                sql.Append(Contains(command, f.Key, f.Value));
                break;
            case InFilter f:
                sql.Append(f.Values.Count == 0 ? "FALSE" : "(" + string.Join(" OR ", f.Values.Select(v => Contains(command, f.Key, v))) + ")");
                break;
            case RangeFilter f:
                var number = $"(CASE WHEN jsonb_typeof(payload -> {Parameter(command, f.Key, NpgsqlDbType.Text)}) = 'number' THEN (payload ->> {Parameter(command, f.Key, NpgsqlDbType.Text)})::float8 END)";
                var bounds = new List<string> { $"{number} IS NOT NULL" };
                AddBound(bounds, command, number, ">", f.Gt);
                AddBound(bounds, command, number, ">=", f.Gte);
                AddBound(bounds, command, number, "<", f.Lt);
                AddBound(bounds, command, number, "<=", f.Lte);
                sql.Append('(').Append(string.Join(" AND ", bounds)).Append(')');
                break;
            case AndFilter f:
                if (f.Must.Count == 0)
                {
                    sql.Append("TRUE");
                    break;
                }

                sql.Append('(');
                for (var i = 0; i < f.Must.Count; i++)
                {
                    if (i > 0)
                    {
                        sql.Append(" AND ");
                    }

                    Append(f.Must[i], command, sql);
                }

                sql.Append(')');
                break;
            default:
                throw new NotSupportedException($"Unknown filter {filter.GetType().Name}.");
        }
    }

    private static string Contains(NpgsqlCommand command, string key, System.Text.Json.Nodes.JsonValue value) =>
        $"COALESCE((payload -> {Parameter(command, key, NpgsqlDbType.Text)}) @> {Parameter(command, value.ToJsonString(), NpgsqlDbType.Jsonb)}, FALSE)";

    private static void AddBound(List<string> bounds, NpgsqlCommand command, string number, string op, double? bound)
    {
        if (bound is { } value)
        {
            bounds.Add($"{number} {op} {Parameter(command, value, NpgsqlDbType.Double)}");
        }
    }

    private static string Parameter(NpgsqlCommand command, object value, NpgsqlDbType type)
    {
        var name = "f" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        return "@" + name;
    }
}
