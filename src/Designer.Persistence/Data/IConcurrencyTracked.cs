namespace Designer.Persistence.Data;

/// <summary>An entity whose concurrency token is renewed by <see cref="DesignerDbContext"/> on every update.</summary>
internal interface IConcurrencyTracked
{
    /// <summary>Assigns a fresh concurrency token.</summary>
    void RenewConcurrencyToken();
}
