using System.Globalization;
using System.Text.Json;

namespace Designer.Workflows.Serialization;

/// <summary>Normalises number literals so <c>1</c>, <c>1.0</c> and <c>1e0</c> hash the same.</summary>
internal static class CanonicalNumber
{
    public static void Write(Utf8JsonWriter writer, string literal)
    {
        if (long.TryParse(literal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            writer.WriteNumberValue(integer);
            return;
        }

        if (double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            // Whole doubles within the exact-integer range are written as integers, e.g. 1.0 -> 1.
            if (Math.Abs(real) < 9_007_199_254_740_992d && Math.Floor(real) == real)
            {
                writer.WriteNumberValue((long)real);
                return;
            }

            writer.WriteNumberValue(real);
            return;
        }

        writer.WriteRawValue(literal, skipInputValidation: true);
    }
}
