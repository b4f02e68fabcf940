using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Designer.Web.Components.Shared;

/// <summary>
/// JSON as a person should read it on a page: <c>&lt;</c>, <c>'</c>, accents and emoji as themselves rather than
/// <c>\u003C</c> escapes. Safe because Blazor HTML-encodes the text it renders; never use this for a script or attribute
/// context. Even the relaxed encoder escapes characters outside the basic plane, so escapes are undone afterwards.
/// </summary>
public static class ReadableJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Indented = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The JSON text of <paramref name="node"/> with printable characters unescaped.</summary>
    /// <returns>The text (<c>null</c> for a null value).</returns>
    public static string Write(JsonNode? node, bool indented = false) =>
        node is null ? "null" : Unescape(node.ToJsonString(indented ? Indented : Compact));

    private static string Unescape(string json)
    {
        if (!json.Contains("\\u", StringComparison.Ordinal))
        {
            return json;
        }

        var builder = new StringBuilder(json.Length);
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] != '\\' || i + 1 >= json.Length)
            {
                builder.Append(json[i]);
                continue;
            }

            // Escapes come in pairs (\\, \", \uXXXX): consume the whole escape so "\\u0041" stays a backslash and text.
            if (json[i + 1] == 'u' && i + 5 < json.Length
                && int.TryParse(json.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                && code >= 0x20 && code != '"' && code != '\\' && code is not (0x2028 or 0x2029) && !(code is >= 0x7F and < 0xA0))
            {
                builder.Append((char)code);
                i += 5;
            }
            else
            {
                builder.Append(json[i]).Append(json[i + 1]);
                i++;
            }
        }

        return builder.ToString();
    }
}
