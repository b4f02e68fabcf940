using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Designer.Persistence.Storage;

/// <summary>
/// Sets the busy timeout, WAL journal mode and <c>synchronous = NORMAL</c> on every SQLite connection EF opens, so
/// parallel writers wait instead of failing. NORMAL in WAL mode syncs at checkpoints, not at every commit: a killed
/// process loses nothing committed, an OS crash or power loss can lose the last commits (docs/decisions.md).
/// </summary>
internal sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    private readonly string _pragmas;

    public SqlitePragmaInterceptor(TimeSpan busyTimeout)
    {
        var milliseconds = (long)Math.Min(busyTimeout.TotalMilliseconds, int.MaxValue);
        _pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The text is built from a number only.
        command.CommandText = _pragmas;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        var command = connection.CreateCommand();
        await using (command)
        {
#pragma warning disable CA2100 // The text is built from a number only.
            command.CommandText = _pragmas;
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
