namespace Designer.Runtime.Recovery;

/// <summary>
/// Orleans: the owner is this silo's address (which includes its start generation, so a restarted silo on the same
/// endpoint is a new owner) and the live owners are the silos the membership table lists as active.
/// </summary>
public sealed class SiloRunOwnership : IRunOwnership
{
    private readonly IGrainFactory _grains;
    private readonly Lazy<string> _owner;

    /// <summary>Creates the ownership.</summary>
    /// <param name="grains">Grain factory (for the management grain).</param>
    public SiloRunOwnership(ILocalSiloDetails silo, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(silo);
        _grains = grains;
        _owner = new Lazy<string>(() => silo.SiloAddress.ToParsableString());
    }

    /// <inheritdoc />
    public string Owner => _owner.Value;

    /// <inheritdoc />
    public async ValueTask<IReadOnlyCollection<string>> LiveOwnersAsync(CancellationToken cancellationToken)
    {
        var hosts = await _grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken);
        return [.. hosts.Keys.Select(a => a.ToParsableString()).Append(Owner).Distinct(StringComparer.Ordinal)];
    }
}
