using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Designer.Persistence.Tests.Infrastructure;

/// <summary>
/// Contexts on the test storage's database (either provider) whose every executed SQL command is recorded by an EF
/// Core command interceptor, so a test can count what a store built on <see cref="Contexts"/> reads and writes.
/// </summary>
internal sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public SqlCommandCounter(TestStorage storage)
    {
        var postgres = storage.Services.GetRequiredService<IOptions<StorageOptions>>().Value.IsPostgreSql;
        Contexts = !postgres
            ? new Factory<SqliteDesignerDbContext>(
                new DbContextOptionsBuilder<SqliteDesignerDbContext>(storage.Services.GetRequiredService<DbContextOptions<SqliteDesignerDbContext>>()).AddInterceptors(this).Options,
                o => new SqliteDesignerDbContext(o))
            : new Factory<PostgresDesignerDbContext>(
                new DbContextOptionsBuilder<PostgresDesignerDbContext>(storage.Services.GetRequiredService<DbContextOptions<PostgresDesignerDbContext>>()).AddInterceptors(this).Options,
                o => new PostgresDesignerDbContext(o));
    }

    public IDbContextFactory<DesignerDbContext> Contexts { get; }

    /// <summary>Commands that read from <paramref name="table"/> (a SELECT naming it).</summary>
    public int Reads(string table) =>
        _commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase) && c.Contains(table, StringComparison.Ordinal));

    /// <summary>Forgets what was recorded.</summary>
    public void Reset() => _commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Record(command, result);

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, result));

    private T Record<T>(DbCommand command, T result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    private sealed class Factory<TContext>(DbContextOptions<TContext> options, Func<DbContextOptions<TContext>, TContext> create) : IDbContextFactory<DesignerDbContext>
        where TContext : DesignerDbContext
    {
        public DesignerDbContext CreateDbContext() => create(options);
    }
}
