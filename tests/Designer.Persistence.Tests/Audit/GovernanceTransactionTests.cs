using Designer.Persistence.Audit;
using Microsoft.EntityFrameworkCore.Storage;

namespace Designer.Persistence.Tests.Audit;

public sealed class GovernanceTransactionTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task BeginAsync_MoreCallersThanSlots_ExtraCallerWaitsUntilOneEnds()
    {
        // Arrange
        var database = Guid.NewGuid().ToString();
        var held = new List<IDbContextTransaction>();
        for (var i = 0; i < GovernanceTransaction.SlotsPerDatabase; i++)
        {
            held.Add(await GovernanceTransaction.BeginAsync(database, Open, CancellationToken.None));
        }

        // Act
        var waiting = GovernanceTransaction.BeginAsync(database, Open, CancellationToken.None);
        await Task.Delay(Settle);
        var waitedWhileFull = !waiting.IsCompleted;
        await held[0].DisposeAsync();
        var admitted = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        // Assert
        Assert.True(waitedWhileFull, "a caller got a connection while every slot was taken");
        Assert.NotNull(admitted);
    }

    [Fact]
    public async Task BeginAsync_OtherDatabase_DoesNotWaitForThisOnesSlots()
    {
        // Arrange
        var busy = Guid.NewGuid().ToString();
        for (var i = 0; i < GovernanceTransaction.SlotsPerDatabase; i++)
        {
            await GovernanceTransaction.BeginAsync(busy, Open, CancellationToken.None);
        }

        // Act
        var other = GovernanceTransaction.BeginAsync(Guid.NewGuid().ToString(), Open, CancellationToken.None);

        // Assert
        Assert.NotNull(await other.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task BeginAsync_OpeningFails_FreesTheSlot()
    {
        // Arrange
        var database = Guid.NewGuid().ToString();
        for (var i = 0; i < GovernanceTransaction.SlotsPerDatabase; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                GovernanceTransaction.BeginAsync(database, _ => throw new InvalidOperationException("no connection"), CancellationToken.None));
        }

        // Act
        var next = GovernanceTransaction.BeginAsync(database, Open, CancellationToken.None);

        // Assert
        Assert.NotNull(await next.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task DisposeAsync_Twice_FreesOneSlot()
    {
        // Arrange
        var database = Guid.NewGuid().ToString();
        var first = await GovernanceTransaction.BeginAsync(database, Open, CancellationToken.None);
        for (var i = 1; i < GovernanceTransaction.SlotsPerDatabase; i++)
        {
            await GovernanceTransaction.BeginAsync(database, Open, CancellationToken.None);
        }

        // Act
        await first.DisposeAsync();
        await first.DisposeAsync();
        var admitted = await GovernanceTransaction.BeginAsync(database, Open, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        var extra = GovernanceTransaction.BeginAsync(database, Open, CancellationToken.None);
        await Task.Delay(Settle);

        // Assert
        Assert.NotNull(admitted);
        Assert.False(extra.IsCompleted, "a second dispose freed a second slot");
    }

    private static Task<IDbContextTransaction> Open(CancellationToken cancellationToken) =>
        Task.FromResult<IDbContextTransaction>(new FakeTransaction());

    private sealed class FakeTransaction : IDbContextTransaction
    {
        public Guid TransactionId { get; } = Guid.NewGuid();

        public void Commit()
        {
        }

        public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Rollback()
        {
        }

        public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
