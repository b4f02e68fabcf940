using System.Security.Cryptography;

namespace Designer.Web.Users;

/// <summary>
/// Generates passwords an administrator hands over: 20 characters from a cryptographic source with every class the
/// Identity password rules ask for (upper, lower, digit, symbol), without look-alikes (0/O, 1/l/I).
/// </summary>
internal static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%*+-=?@_";
    private const int Length = 20;

    public static string Create()
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new char[Length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Symbols);
        for (var i = 4; i < Length; i++)
        {
            chars[i] = Pick(all);
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
