namespace Designer.Persistence.Tests;

public sealed class PagingTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 200)]
    public void EnsureValid_InRange_DoesNotThrow(int page, int pageSize)
    {
        // Arrange + Act
        var error = Record.Exception(() => Paging.EnsureValid(page, pageSize));

        // Assert
        Assert.Null(error);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(1, 0)]
    [InlineData(1, 201)]
    public void EnsureValid_OutOfRange_Throws(int page, int pageSize)
    {
        // Arrange + Act
        var error = Record.Exception(() => Paging.EnsureValid(page, pageSize));

        // Assert
        Assert.IsType<ArgumentOutOfRangeException>(error);
    }
}
