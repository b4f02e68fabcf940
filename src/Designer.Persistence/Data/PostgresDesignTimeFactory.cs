using Microsoft.EntityFrameworkCore;
using Designer.Persistence.Identity;
using Microsoft.EntityFrameworkCore.Design;

namespace Designer.Persistence.Data;

/// <summary>Lets <c>dotnet ef</c> build <see cref="PostgresDesignerDbContext"/> without a host or a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresDesignerDbContext>
{
    public PostgresDesignerDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresDesignerDbContext>().UseNpgsql("Host=localhost;Database=designer_design_time")
            .UseApplicationServiceProvider(IdentitySchema.DesignTimeServices).Options);
}
