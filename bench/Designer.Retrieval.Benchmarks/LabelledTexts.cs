using System.Text;
using System.Text.Json;

namespace Designer.Retrieval.Benchmarks;

/// <summary>A labelled text set read from a two-column CSV (<c>text,label</c> with a header; RFC 4180 quoting).</summary>
internal static class LabelledTexts
{
    /// <summary>
    /// Train and test splits of <paramref name="folder"/>: <c>train.csv</c>/<c>test.csv</c>, or CLINC150's
    /// <c>data_full.json</c> (in-scope <c>train</c>/<c>test</c> only; the out-of-scope queries have no intent to find).
    /// </summary>
    public static (IReadOnlyList<(string Text, string Label)> Train, IReadOnlyList<(string Text, string Label)> Test) ReadSplits(string folder)
    {
        var clinc = Path.Combine(folder, "data_full.json");
        if (File.Exists(clinc))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(clinc));
            IReadOnlyList<(string, string)> Split(string name) =>
                [.. document.RootElement.GetProperty(name).EnumerateArray().Select(p => (p[0].GetString()!.Trim(), p[1].GetString()!))];
            return (Split("train"), Split("test"));
        }

        return (ReadCsv(Path.Combine(folder, "train.csv")), ReadCsv(Path.Combine(folder, "test.csv")));
    }

    public static IReadOnlyList<(string Text, string Label)> ReadCsv(string path)
    {
        var rows = new List<(string, string)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var content = File.ReadAllText(path);
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < content.Length && content[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || (c == '\r' && i + 1 < content.Length && content[i + 1] == '\n'))
            {
                if (c == '\r')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                if (fields.Count == 2)
                {
                    rows.Add((fields[0].Trim(), fields[1].Trim()));
                }

                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            if (fields.Count == 2)
            {
                rows.Add((fields[0].Trim(), fields[1].Trim()));
            }
        }

        return rows.Skip(1).Where(r => r.Item1.Length > 0).ToList();
    }
}
