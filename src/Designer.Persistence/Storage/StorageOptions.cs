namespace Designer.Persistence;

/// <summary>Where and how Designer stores its data. Bound from the configuration section <c>Designer:Storage</c>.</summary>
/// <remarks>
/// <para>Defaults (no configuration at all): <see cref="Provider"/> = <c>Sqlite</c>, the database file
/// <c>&lt;DataDirectory&gt;/designer.db</c>, where <c>DataDirectory</c> is the configuration key
/// <c>Designer:DataDirectory</c> (default <c>data</c>, relative to the content root; the folder is created),
/// migrations applied on start, SQLite in WAL mode (<c>synchronous = NORMAL</c>) with a 30 second busy timeout.</para>
/// <para>PostgreSQL: set <see cref="Provider"/> to <c>PostgreSQL</c> and <see cref="ConnectionString"/> to an Npgsql
/// connection string. Both settings are validated on start; an unknown provider or a missing PostgreSQL
/// connection string stops the host with a message naming the configuration key.</para>
/// </remarks>
public sealed class StorageOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Designer:Storage";

    /// <summary>The value of <see cref="Provider"/> for SQLite (the default).</summary>
    public const string Sqlite = "Sqlite";

    /// <summary>The value of <see cref="Provider"/> for PostgreSQL.</summary>
    public const string PostgreSql = "PostgreSQL";

    /// <summary><c>Sqlite</c> (default) or <c>PostgreSQL</c>, case-insensitive.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// The ADO.NET connection string. Optional for SQLite (default <c>Data Source=&lt;DataDirectory&gt;/designer.db</c>);
    /// required for PostgreSQL.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Whether a hosted service applies pending migrations on start. Default true.</summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>How long a SQLite writer waits for another writer's lock before failing. Default 30 seconds.</summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when <see cref="Provider"/> selects PostgreSQL.</summary>
    public bool IsPostgreSql => string.Equals(Provider, PostgreSql, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when <see cref="Provider"/> selects SQLite.</summary>
    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);
}
