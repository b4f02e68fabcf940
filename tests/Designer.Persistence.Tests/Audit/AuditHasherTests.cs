using Designer.Persistence.Audit;

namespace Designer.Persistence.Tests.Audit;

public sealed class AuditHasherTests
{
    private static AuditEntryEntity Entry() => new()
    {
        Sequence = 1,
        Timestamp = new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero).AddTicks(1_234_560),
        ActorId = "a",
        ActorName = "Alice",
        Action = "workflow.created",
        EntityType = "workflow",
        EntityId = "w",
        DataJson = null,
        PreviousHash = AuditHasher.GenesisHash,
    };

    [Fact]
    public void FormatTimestamp_Utc_UsesMicrosecondIsoFormat()
    {
        // Arrange
        var entry = Entry();

        // Act
        var text = AuditHasher.FormatTimestamp(entry.Timestamp);

        // Assert
        Assert.Equal("2026-11-24T12:00:00.123456Z", text);
    }

    [Fact]
    public void Compute_SameEntry_IsDeterministicLowercaseSha256Hex()
    {
        // Arrange
        var entry = Entry();

        // Act
        var first = AuditHasher.Compute(entry);
        var second = AuditHasher.Compute(Entry());

        // Assert
        Assert.Equal(first, second);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Compute_FieldBoundaryMoved_ChangesHash()
    {
        // Arrange
        var original = Entry();
        var shifted = Entry();
        original.ActorId = "ab";
        original.ActorName = "c";
        shifted.ActorId = "a";
        shifted.ActorName = "bc";

        // Act
        var a = AuditHasher.Compute(original);
        var b = AuditHasher.Compute(shifted);

        // Assert
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Compute_NullVersusEmptyData_ChangesHash()
    {
        // Arrange
        var withNull = Entry();
        var withEmpty = Entry();
        withEmpty.DataJson = string.Empty;

        // Act
        var a = AuditHasher.Compute(withNull);
        var b = AuditHasher.Compute(withEmpty);

        // Assert
        Assert.NotEqual(a, b);
    }
}
