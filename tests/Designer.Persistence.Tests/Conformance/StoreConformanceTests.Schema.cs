using Microsoft.EntityFrameworkCore;

namespace Designer.Persistence.Tests.Conformance;

public abstract partial class StoreConformanceTests
{
    [Fact]
    public async Task InitializeAsync_EmptyDatabase_AppliesEveryMigration()
    {
        // Arrange + Act (creating an isolated database runs DatabaseInitializer.InitializeAsync)
        var storage = await IsolatedAsync();

        // Assert
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        var applied = await db.Database.GetAppliedMigrationsAsync(Ct);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        Assert.Equal(0, await db.Workflows.CountAsync(Ct));
        Assert.Equal(0, await db.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task InitializeAsync_AlreadyMigrated_IsANoOp()
    {
        // Arrange
        var storage = Storage;
        var initializer = storage.Services.GetService(typeof(DatabaseInitializer)) as DatabaseInitializer;

        // Act
        await initializer!.InitializeAsync(Ct);

        // Assert
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
    }

    [Fact]
    public async Task Model_ComparedWithMigrations_HasNoPendingChanges()
    {
        // Arrange
        var storage = Storage;
        await using var db = await storage.Contexts.CreateDbContextAsync(Ct);

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, $"Run dotnet ef migrations add for {db.GetType().Name}.");
        Assert.NotNull(db.Model.FindEntityType(typeof(Microsoft.AspNetCore.Identity.IdentityUserPasskey<string>)));
    }
}
