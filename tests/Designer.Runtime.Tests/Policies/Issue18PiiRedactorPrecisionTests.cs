using Designer.Hosting.Privacy;

namespace Designer.Runtime.Tests.Policies;

public sealed class Issue18PiiRedactorPrecisionTests
{
    [Theory]
    [InlineData("filed 2026-12-04 by the customer")]
    [InlineData("at 2026-12-04T10:15:30Z")]
    [InlineData("at 2026-12-04 10:15:30")]
    [InlineData("on 04.12.2026 and 04/12/2026")]
    [InlineData("amount 1234567.89 EUR")]
    [InlineData("order 12345678 shipped")]
    [InlineData("card 4111 1111 1111 1112 is not a valid number")]
    [InlineData("ref AB12 CDEF GHIJ KLMN is not an IBAN")]
    [InlineData("run 550e8400-e29b-41d4-a716-446655440000")]
    public void Redact_Issue18_NonPersonalText_IsKept(string text)
    {
        var counts = new Dictionary<string, int>();

        var result = PiiRedactor.Redact(text, counts);

        Assert.Equal(text, result);
        Assert.Empty(counts);
    }

    [Theory]
    [InlineData("call 0176 1234567 later", "call [phone] later")]
    [InlineData("call 01761234567 later", "call [phone] later")]
    [InlineData("call 555-123-4567 later", "call [phone] later")]
    [InlineData("call +44 20 7946 0958 later", "call [phone] later")]
    public void Redact_Issue18_Phones_AreStillMasked(string text, string expected)
    {
        var result = PiiRedactor.Redact(text, new Dictionary<string, int>());

        Assert.Equal(expected, result);
    }

    [Fact]
    public void Redact_Issue18_CardNumberAsJsonNumber_IsMaskedOnlyWhenLuhnValid()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"card":4111111111111111,"notCard":4111111111111112,"amount":9500}""");
        var counts = new Dictionary<string, int>();

        var result = PiiRedactor.Redact(node, counts);

        Assert.Equal("""{"card":"[card]","notCard":4111111111111112,"amount":9500}""", result!.ToJsonString());
        Assert.Equal(1, counts["card"]);
    }

    [Fact]
    public void Redact_Issue18_DecidingActor_IsKeptWhileCustomerEmailIsMasked()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(
            """{"decision":"approve","actor":"approver@demo.local","comment":"customer is jane@example.com","decidedAt":"2026-12-04"}""");

        // Issue 14 item 3: the exemption holds only for the event the gate (runtime) writes, hence RedactRuntimeEvent.
        var result = PiiRedactor.RedactRuntimeEvent(node, new Dictionary<string, int>());

        Assert.Equal(
            """{"decision":"approve","actor":"approver@demo.local","comment":"customer is [email]","decidedAt":"2026-12-04"}""",
            result!.ToJsonString());
    }
}
