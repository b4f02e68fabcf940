using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Identity;
using Microsoft.EntityFrameworkCore.Design;

namespace Designer.Persistence.Data;

/// <summary>Lets <c>dotnet ef</c> build <see cref="SqliteDesignerDbContext"/> without a host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteDesignerDbContext>
{
    public SqliteDesignerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteDesignerDbContext>().UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(IdentitySchema.DesignTimeServices).Options);
}
