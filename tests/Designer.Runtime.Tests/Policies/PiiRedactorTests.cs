using Designer.Hosting.Privacy;
using Designer.Runtime.Policies;

namespace Designer.Runtime.Tests.Policies;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("card 4111 1111 1111 1111 used", "card [card] used", "card")]
    [InlineData("mail bob@example.org now", "mail [email] now", "email")]
    [InlineData("iban DE89 3704 0044 0532 0130 00 ok", "iban [iban] ok", "iban")]
    [InlineData("call +1 (555) 123-4567 today", "call [phone] today", "phone")]
    public void Redact_KnownPii_IsMaskedAndCounted(string text, string expected, string kind)
    {
        var counts = new Dictionary<string, int>();

        var result = PiiRedactor.Redact(text, counts);

        Assert.Equal(expected, result);
        Assert.Equal(1, counts[kind]);
    }

    [Fact]
    public void PassesLuhn_InvalidChecksum_IsFalse()
    {
        Assert.False(PiiRedactor.PassesLuhn("4111 1111 1111 1112"));
        Assert.True(PiiRedactor.PassesLuhn("4111-1111-1111-1111"));
    }

    [Fact]
    public void Apply_RedactFields_ReplacesWholeValue()
    {
        var policy = new RedactionPolicy(false, ["input.iban"]);

        var result = policy.Apply(new System.Text.Json.Nodes.JsonObject { ["iban"] = "anything", ["other"] = "kept" }, "input");

        Assert.Equal("""{"iban":"[redacted]","other":"kept"}""", result!.ToJsonString());
    }
}
